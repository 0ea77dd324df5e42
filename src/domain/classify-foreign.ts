/**
 * Problem reports in the other languages on-call channels are written in: the gate reads English
 * grammar, so a Spanish "el checkout está caído" or a Japanese "決済APIでタイムアウトが多発"
 * had no evidence at all and was investigated only by default — and a thank-you in the same
 * languages could never be told from it. These are the common ways to say something is down,
 * failing, slow or erroring in es, pt, fr, de, it, nl and ja: a broken function or an outage is
 * strong, a bare error or slowness word weak (as their English counterparts); words English
 * shares ("error", "timeout") are left to the English rules. Japanese has no spaces, so it is
 * matched in the text. Hinglish says it with "ho raha" ("payments abhi bhi fail ho rahe",
 * "app nahi khul raha"): ongoing, strong. Pure.
 */
import type { Evidence } from "./classify-grammar.js"
import type { Message } from "./classify-text.js"

const strong =
  /\b(?:no (?:funciona|carga|responde|anda|conecta|llegan?|sale|salen)|est[aá]n? ca[ií]d[oa]s?|se (?:cay[oó]|cayeron)|n[aã]o (?:funciona|carrega|abre|responde|conecta|chega|chegam|sai|saem)|fora do ar|caiu|travou|travad[oa]s?|ne (?:fonctionne|marche|charge|répond|part|partent|passe|passent)(?: plus| pas)|n'arrivent plus|n'arrive plus|en panne|hors service|(?:funktioniert|geht|lädt|läuft) (?:nicht|nichts)|nicht (?:mehr )?erreichbar|ausgefallen|kaputt|non (?:funziona|carica|risponde|invia|arriva|arrivano|parte|partono)|(?:è|sono) giù|werkt niet|doet het niet|ligt plat|platgelegd|bloquead[oa]s|bloqu[ée]e?s|bloccat[oi]|(?:est[aá]n?|t[aá]|est[aã]o) (?:quebrad|rot)[oa]s?|quebrou|se rompi[oó]|ningu[eé]m consegue|nadie puede|personne ne peut|niemand kann|nessuno riesce|no (?:se )?(?:est[aá]n?|estamos) \p{L}+(?:ando|iendo)|no se \p{L}{3,}(?:an|en)|n[aã]o (?:est[aã]o|est[aá]|t[aá]) (?:sendo )?\p{L}+(?:ando|endo|indo|ados|idos|adas|idas)|ne (?:s'|se )?\p{L}+(?:ent|e) (?:plus|pas)|(?:funktioniert|funktionieren|geht|gehen|lädt|laden|läuft|laufen|klappt|kommt|kommen)\b[^!?\n]{0,80}\bnicht\b|(?:devuelven?|devolviendo|retorna[nm]?|retornando|devolve|renvoie(?:nt)?|retourne(?:nt)?|liefert|liefern|wirft|werfen|restituisce|restituiscono)(?: \p{L}+){0,3} [45]\d\d|[45]\d\d(?:er|ern|ers)|(?:fail|crash|down|hang) ho (?:raha|rahe|rahi|rahin)|(?:nahi|nahin) (?:chal|khul|ho|aa|load ho) (?:raha|rahe|rahi|rahin))(?![\p{L}])/iu
const weak =
  /\b(?:errores|erros?|erreurs?|fehlern?|errori|errore|fouten?|fallan?|falhando|falha|échouent|échoue|schlägt fehl|fallisce|lentísim[oa]|muy lent[oa]|muito lent[oa]|tr[eè]s lent|sehr langsam|langsam|molto lent[oa]|traag|retard|atraso|retraso|hängt|storing|ausfall|störung)(?![\p{L}])/iu
const japanese =
  /エラー|障害(?!報告書)|落ちて|落ちた|遅い|遅延|遅く|タイムアウト|できません|できない|繋がら|つながら|失敗|ダウン|停止|不具合|応答がない|表示されない/
/**
 * "Anzeige am Gate B3 zeigt 'Boarding abgeschlossen' obwohl wir noch gar nicht angefangen haben":
 * a screen showing one state while the truth is another — the screen is wrong, a report (the
 * state it shows, quoted or not, is its text, not news).
 */
const screenDisagrees =
  /\b(?:zeigt|zeigen|zeigte|zeigten|anzeigt|meldet|melden|steht|stehen)\b[^.!?\n]{1,80}?(?:\bobwohl\b[^.!?\n]{0,80}|\b(?:aber|dabei) (?:\p{L}+ ){0,4}?(?:noch |gar |doch )*(?:nicht|kein\p{L}*)(?![\p{L}]))/iu

/**
 * French and Spanish ops talk for broken: "login back-office KO avec le SSO", "l'appli est HS",
 * "ça plante au paiement", "el checkout caído". "KO" and "HS" only in capitals ("ko" is a Korean
 * tag, "HS" alone is "hors sujet", off topic: it counts said of something, "est HS").
 */
const brokenSlang =
  /(?:^|[\s,;:(])KO(?![\p{L}\d])|\b(?:est|sont|c'est|encore|toujours|complètement|totalement|carrément|tout) HS(?![\p{L}\d])|(?<![\p{L}])HS depuis\b|(?<![\p{L}])(?:plante|plantent|a planté|ont planté|crashe|crashent|ne marche plus|marche plus|ca[ií]dos?|se cae|se caen|se está cayendo|se están cayendo)(?![\p{L}])/u

/**
 * "le back-office affiche des commandes en double", "la app muestra pedidos duplicados": a French
 * or Spanish screen showing a wrong state, as `screenDisagrees` for German.
 */
const screenWrong =
  /\b(?:affiche|affichent|montre|montrent|muestra|muestran|sale|salen)\b[^.!?\n]{1,80}?(?<![\p{L}])(?:en double|en doublon|doublons?|dupliqu\p{L}*|en triple|vides?|faux|fausses?|incorrecte?s?|n'importe quoi|duplicad[oa]s?|repetid[oa]s?|vac[ií][oa]s?|incorrect[oa]s?)(?![\p{L}])/iu

/**
 * Polish and Romanian for broken, and the Dutch words `strong` lacks: "nie działa logowanie",
 * "api padło", "nu se încarcă harta", "plățile nu trec", "de betalingen mislukken". Read after a
 * thank-you too: "dzięki, ale nadal nie działa logowanie" is a report.
 */
const strongPlNlRo =
  /(?<![\p{L}])(?:nie (?:działa|działają|dziala|dzialaja|ładuje|laduje|ładują|wchodzi|przechodzi|przechodzą|odpowiada|odpowiadają|da się)|(?:padł|padło|padła|padły)|awaria|awarii|nu (?:mai )?(?:merge|funcționează|functioneaza|se încarcă|se incarca|se deschide|trec|răspunde|raspunde)|se blochează|se blocheaza|(?:a|au) căzut|(?:a|au) picat|mislukken|mislukt|werken niet|laden niet|gaat mis|is kapot|nog steeds (?:traag|kapot|stuk|plat|down|offline)|(?:nadal|wciąż) (?:wolno|wolny|wolna|down|offline))(?![\p{L}])/iu
/** A problem word counted as none ("keine Fehler", "0 errores", "sans erreur"). */
const noneCounted =
  /\b(?:keine|keinen|ohne|0|null|sin|sem|sans|nessun|senza|geen|zonder) (?:\p{L}+ )?(?:fehlern?|errores|erros?|erreurs?|errori|errore|fouten?)(?![\p{L}])/giu

/** Asking someone to look, in the same languages: a request, which English asks count as. */
const lookAsks =
  /(?:pueden?|puedes|podéis|podrían|alguien puede) (?:revisar|mirar|ver|chequear|checar)|(?:pode|podem|alguém pode) (?:verificar|olhar|ver|checar|dar uma olhada)|(?:kann|könnt|können) (?:sich das )?(?:jemand|wer|ihr|sie|du) (?:mal )?(?:schauen|nachsehen|ansehen|anschauen|gucken|checken|prüfen)|bitte (?:mal )?(?:schauen|prüfen|checken|ansehen)|(?:pouvez|peux)-(?:vous|tu) (?:regarder|vérifier|checker|jeter)|quelqu'un peut (?:regarder|vérifier|jeter)|qualcuno può (?:controllare|guardare|verificare)|確認(?:お願い|して(?:もらえ|いただけ|ください))|見てもらえ|調べてもらえ|확인 부탁|봐주세요/iu
/** A status code a Japanese sentence says is returned ("503を返しています"). */
const japaneseStatus = /[45]\d\d(?:を返|が返|エラー)/

/** Something failing now, not the incident a thank-you names ("昨日の障害対応ありがとう"). */
const japaneseFailing =
  /できない|できません|繋がら|つながら|落ちて|遅い|遅く|タイムアウト|応答がない|表示されない|増えています/
const japaneseThanks = /ありがとう|感謝します|お疲れ(?:様|さま)|おつかれ|よろしくお願いします/
const japaneseClosed = /解決済み|解決しました|復旧しました|収束しました|問題なし|問題ありません|対応完了/
const japaneseOnCall = /オンコール(?:担当|当番)|当番は誰|今週のオンコールは/
/**
 * Japanese and Korean team talk with no fault in it: a plan kept ("予定通り2時から", "목요일 오후
 * 4시로 잡았어요"), a write-up promised ("障害報告書、金曜までにまとめます" — the report is a
 * document), an ack ("넵 확인했습니다", "ㄱㅅㄱㅅ"), a deploy gone well ("배포 잘 끝났습니다"), a
 * question to the bot about itself ("このボット何ができるの？", "한국어도 돼?").
 */
const cjkPlan =
  /予定通り|までにまとめます|までに(?:書きます|出します|共有します)|障害報告書|(?:시|일)로 잡았어요|일정 잡았|맞죠\?|예약해놨어요/
/** A Korean fault beside it ("결제가 안 돼요", "로그인 오류"): a report, whatever else is said. */
const koreanFailing = /안 ?(?:돼|되|됩니다)|오류|에러|장애|먹통|느려|실패|터졌|끊겼|멈췄/
const cjkAck =
  /^(?:넵|네|예|넹)[ ,!.]*(?:확인했습니다|확인했어요|알겠습니다|감사합니다)?[ .!]*$|^(?:ㄱㅅ)+[ !.]*$|^(?:ㅇㅋ|ㅇㅇ)+[ !.]*$/
const cjkWentWell = /잘 (?:끝났|마쳤|됐|되었)|無事(?:に)?(?:終わり|完了)/
const cjkBotAsk =
  /(?:봇|ボット)(?:\p{L}{0,2})? ?(?:뭐|何)(?:が)? ?(?:할 수 있|できる)|(?:한국어|일본어|영어)도 (?:돼|되나|할 수 있)|日本語(?:わかる|分かる|できる|話せる)/u

/**
 * Japanese chatter the token rules cannot see (the language has no spaces, so a sentence is one
 * token): thanks ("昨日の障害対応ありがとうございました"), news that it is over ("本日のインシデントは
 * 解決済みです"), who is on call. The caller asks only when nothing strong was found.
 */
export const japaneseChatter = (text: string): string | null => {
  if (japaneseClosed.test(text)) return "resolved"
  // "お疲れ様です、…再生できないという問い合わせが増えています": the greeting opens a report.
  if (japaneseThanks.test(text) && !japaneseFailing.test(text)) return "thanks"
  if (japaneseOnCall.test(text)) return "small talk"
  // (only where Japanese or Korean is written: every pattern below needs one of their letters)
  if (
    !/[\u3040-\u30ff\u3130-\u318f\uac00-\ud7af]/.test(text) ||
    japaneseFailing.test(text) ||
    japanese.test(text) ||
    koreanFailing.test(text)
  )
    return null
  const said = text.replace(/^(?:<@[\w]+>\s*)+/, "").trim()
  if (cjkAck.test(said)) return "acknowledgement"
  if (cjkBotAsk.test(said)) return "a question about the bot"
  if (cjkPlan.test(said)) return "a plan announced"
  if (cjkWentWell.test(said)) return "success report"
  return null
}

/** Where the match starts, in tokens: as many word runs as come before it. */
export const tokenAt = (text: string, offset: number): number =>
  text.slice(0, offset).match(/[\p{L}\p{N}_]+/gu)?.length ?? 0

/**
 * A strong problem report placed at the match's last token, not its first: a state word inside
 * what was matched ("shows 'Fixed …' … did not complete") is then no recovery after the report.
 */
export const reportAtEnd = (text: string, m: RegExpExecArray) => ({
  reason: `problem report: '${m[0].trim()}'`,
  at: tokenAt(text, m.index + m[0].length) - 1,
  strong: true,
})

/** Evidence of a problem stated in another language (none for English text). */
export const foreignReports = (message: Message): ReadonlyArray<Evidence> => {
  const text = message.text.slice(0, 4_000)
  const found: Array<Evidence> = []
  const add = (m: RegExpExecArray | null, isStrong: boolean) => {
    if (m !== null)
      found.push({ reason: `problem report: '${m[0]}'`, at: tokenAt(text, m.index), strong: isStrong })
  }
  add(strong.exec(text), true)
  add(strongPlNlRo.exec(text), true)
  // (read in the original case: "KO" and "HS" are capitals)
  const cased = message.cased.slice(0, 4_000)
  const slang = brokenSlang.exec(cased)
  if (slang !== null)
    found.push({
      reason: `problem report: '${slang[0].trim()}'`,
      at: tokenAt(cased, slang.index),
      strong: true,
    })
  add(screenWrong.exec(text), true)
  // (at the end of what the screen got wrong, so a state word quoted in it is no recovery after it)
  const screen = screenDisagrees.exec(text)
  if (screen !== null)
    found.push({
      reason: `problem report: '${screen[0]}'`,
      at: tokenAt(text, screen.index + screen[0].length) - 1,
      strong: true,
    })
  // ("keine Fehler", "0 Fehler", "ohne Fehler": none counted, no failure.)
  add(weak.exec(text.replace(noneCounted, (m) => " ".repeat(m.length))), false)
  add(japanese.exec(text), false)
  add(japaneseStatus.exec(text), true)
  const ask = lookAsks.exec(text)
  if (ask !== null)
    found.push({ reason: `request: '${ask[0]}'`, at: tokenAt(text, ask.index), strong: false })
  return found
}
