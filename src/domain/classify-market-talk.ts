/**
 * Market talk on a trading team: an asset's price moving ("BTC down 8% lol", "ETH pumping, +12%
 * on the day 🚀", "market is bleeding, -20% on alts", "USDT-BRL at 5.80", "liquidation cascade on
 * another exchange, not us"). A ticker or the market as the subject of down/pumping/-N% is the
 * price, not a system failing. A system of the exchange in trouble beside it ("BTC withdrawals
 * down", "ETH deposits stuck", "BTC-USDT order book frozen", "price feed for SOL stale",
 * "liquidations triggered wrongly") is a report, and none of this holds. Lower-cased text; pure.
 */

import type { Message } from "./classify-text.js"

/** Assets and markets a trading team talks prices of; one of them must be a token. */
const assets = new Set(
  `btc eth sol doge xrp ada bnb avax matic ltc trx shib pepe usdt usdc brl bitcoin ethereum
  solana dogecoin alts altcoins memecoins crypto market markets perps nasdaq spx`.split(/\s+/),
)

const TICKER = `(?:btc|eth|sol|doge|xrp|ada|bnb|avax|matic|ltc|trx|shib|pepe|bitcoin|ethereum|solana|dogecoin|alts|altcoins|memecoins|crypto)`
const ASSET = `(?:${TICKER}|(?:the )?markets?|nasdaq|spx)`
const PCT = String.raw`[-+]?\d{1,3}(?:[.,]\d+)?%`
/** "down 8%", "pumping", "-10%": a bare "down" or "crashing" needs its figure ("BTC down" may be a node). */
const MOVE = String.raw`(?:(?:is |'s |are )?(?:(?:down|up|crashing|dropped|fell) (?:another |like |over )?${PCT}|(?:pumping|dumping|mooning|bleeding|tanking|rallying|ripping|nuking|dipping|dumped|pumped)\b)|[-+]\d{1,3}(?:[.,]\d+)?%)`

const marketMoves = new RegExp(
  [
    // "BTC down 8%", "ETH pumping", "doge down 15% because of some tweet", "the BTC dump this morning".
    String.raw`(?:^|[^\w-])${ASSET}:? ${MOVE}`,
    String.raw`(?:^|[^\w-])${TICKER} (?:dump|pump|rally|dip|crash)\b`,
    // "-20% on alts", "+12% on the day".
    String.raw`[-+]\d{1,3}(?:[.,]\d+)?% on (?:the day|the week|alts|altcoins|${ASSET})\b`,
    // "USDT-BRL at 5.80", "BTC/USD at 97k": a pair's rate quoted.
    String.raw`\b[a-z]{3,5}[-/](?:usd|usdt|usdc|brl|eur|gbp|jpy|try|ars|btc|eth) (?:at|@|hit|hits|is at|touching) \$?\d`,
    // "massive liquidations on perps rn", "liquidation cascade on another exchange, not us".
    String.raw`\bliquidations? (?:cascade )?(?:on|across) (?:perps|the market|another exchange|other exchanges|binance|bybit|okx)\b`,
    // "CPI print at 14:30 CET, expect vol": the market's volatility foretold.
    String.raw`\bexpect (?:some |high |more |big |lots of |a lot of )?(?:vol|volatility)\b`,
    // "ETH gas 200 gwei".
    String.raw`\bgas (?:at |is )?\d+ gwei\b`,
  ].join("|"),
)

/**
 * Something of the exchange itself in trouble, or a wrong action: "BTC withdrawals down", "order
 * book frozen", "price feed for SOL stale", "liquidations triggered wrongly".
 */
const systemTrouble =
  /\b(?:withdrawals?|deposits?|order ?books?|feeds?|api|app|site|website|logins?|matching|gateway|nodes?|wallets?|trading|orders?|payouts?|transfers?|websockets?|ws|quotes?|prices?|ticker|charts?|candles?)\b[^.!?\n]{0,30}\b(?:down|stuck|frozen|stale|halted|failing|failed|broken|delayed|lagging|unavailable|erroring|missing|wrong)\b|\b(?:stuck|frozen|stale|halted|wrongly|incorrectly|erroring|outage|incident|timeouts?|timing out|5\d\d|errors?|not (?:loading|working|updating))\b/

export const marketTalk = (message: Message): string | null => {
  if (
    !message.tokens.some(
      (t) =>
        assets.has(t) ||
        t === "liquidations" ||
        t === "liquidation" ||
        t === "gwei" ||
        t === "vol" ||
        t === "volatility",
    )
  )
    return null
  const text = message.text.slice(0, 500)
  if (!marketMoves.test(text) || systemTrouble.test(text)) return null
  return "market talk (a price moving, not a system)"
}
