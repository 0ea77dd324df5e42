/**
 * Polish, Dutch and Romanian chatter the English rules cannot read, as
 * `classify-portuguese-hindi.ts` for Portuguese and Hinglish: "cześć", "spoko", "goed gedaan!",
 * "mersi", "noapte bună", "ja to biorę", "ik pak hem op", "mă ocup eu", "wszystko działa",
 * "geen storingen vannacht 👍", "totul e ok după deploy", "hoe zet ik een silence in grafana?",
 * "cum văd cine e de gardă săptămâna asta?", "jutro daily o 9:30 a nie o 10". Reports in these
 * languages keep their evidence ("nie działa logowanie", "de iDEAL betalingen mislukken",
 * "nu se încarcă harta"): each frame stands down where the message says something fails now.
 * Read on the lower-cased text's first 600 characters. Pure.
 */
import { type LanguageFrame, languageChatter } from "./classify-language-frames.js"

const mention = String.raw`^\s*(?:<[@!][\w|]+>\s*)?`
const trailing = String.raw`[\s!.?,]*(?:(?:\p{Extended_Pictographic}|[\u{1F3FB}-\u{1F3FF}]|\uFE0F|\u200D)\s*)*$`

/**
 * Acks, thanks, greetings and small talk as the whole message: "hej", "cześć", "spoko", "okej",
 * "świetna robota", "miłego weekendu", "goed", "goed gedaan!", "dankjewel", "fijn weekend",
 * "bună dimineața", "mersi", "bine", "noapte bună", "weekend plăcut", "ok, am înțeles", "probă".
 */
const bare = new RegExp(
  `${mention}(?:ok,? |okej,? |oké,? |dobra,? |ja,? |nou,? |da,? )?(?:hej|hejka|cześć|czesc|siema|witam|dzień dobry|dzien dobry|dobry wieczór|dobranoc|spoko|spoczko|okej|okey|oki|dobra|jasne|rozumiem|przyjąłem|przyjęłam|dzięki|dzieki|dziękuję|dziekuje|dzięki wielkie|wielkie dzięki|świetna robota|swietna robota|dobra robota|super robota|brawo|miłego weekendu|milego weekendu|miłego dnia|miłego wieczoru|do jutra|na razie|próba|proba|test|hoi|hallo|hai|goedemorgen|goedemiddag|goedenavond|goed|prima|mooi|top|helder|duidelijk|begrepen|oké|goed gedaan|lekker bezig|dankjewel|dank je|dank je wel|dank u|bedankt|thanks|fijn weekend|fijne avond|fijne dag|welterusten|tot morgen|tot straks|bună|buna|salut|salutare|bună dimineața|buna dimineata|bună ziua|buna ziua|bună seara|buna seara|mersi|merci|mulțumesc|multumesc|mulțumesc frumos|multumesc frumos|mulțumim|mersi frumos|bine|foarte bine|perfect|super|am înțeles|am inteles|s-a înțeles|noapte bună|noapte buna|weekend plăcut|weekend placut|o zi bună|o zi buna|pe mâine|pe maine|probă|proba)(?:[\\s,!.]+(?:bot|wszystkim|wszystkim!|allemaal|iedereen|jongens|tuturor|tuturor!|colegi|echipa|ekipa|team|all|everyone))?${trailing}`,
  "iu",
)

/** What makes Polish, Dutch or Romanian talk a report: something failing, missing or wrong now. */
const live =
  /(?<![\p{L}])(?:nie (?:działa|dziala|działają|ładuje|laduje|wchodzi|przechodzi|odpowiada|mogę|moge|da się)|błąd|błędy|błędem|błędów|bledy|awaria|awarii|padł|padło|padła|leży|lezy|wolny|wolno|wisi|wiszą|zawiesza|od rana|nadal|wciąż|znowu|werkt niet|doet het niet|kapot|storingen?|fout|foutmelding|mislukken|mislukt|traag|plat|nog steeds|sinds|weer stuk|nu (?:merge|mai merge|funcționează|functioneaza|se încarcă|se incarca|se deschide|trec|primesc|primim|pot)|eroare|erori|blocat|blocată|se blochează|căzut|cazut|picat|pică|încă|inca|iar|de ieri|down|fail(?:s|ed|ing)?|errors?|timeouts?|still|since|again|[45]\d\d)(?![\p{L}])/iu

/** What the writer says is none: "nie ma żadnych alertów", "geen storingen", "nicio eroare". */
const noneSaid =
  /(?<![\p{L}])(?:(?:nie ma|brak|zero|bez) (?:żadnych |zadnych )?(?:alertów|alertow|błędów|bledow|awarii|problemów|problemow|incydentów)|geen (?:storingen|storing|fouten|alerts|meldingen|problemen|incidenten|errors)|(?:nicio|nici o|fără|fara|zero) (?:alertă|alerta|alerte|eroare|erori|problemă|problema|probleme|incident|incidente))(?![\p{L}])/giu

const frames: ReadonlyArray<LanguageFrame> = [
  // "wszystko działa", "nie ma żadnych alertów, spokojnie dzisiaj", "geen storingen vannacht 👍",
  // "alles werkt weer", "totul e ok după deploy", "ok, nu mai e nevoie, s-a rezolvat", "merge acum, mersi"
  {
    name: "all clear",
    pattern:
      /(?<![\p{L}])(?:wszystko (?:działa|dziala|ok|gra|w porządku|w porzadku|śmiga)|(?:już|juz) działa|działa już|poszło gładko|poszlo gladko|spokojnie|(?:nie ma|brak|zero) (?:żadnych |zadnych )?(?:alertów|alertow|błędów|bledow|awarii|problemów|problemow)|alles (?:werkt|is ok|is goed|in orde|draait)|(?:het )?werkt (?:weer|nu)|geen (?:storingen|storing|fouten|alerts|meldingen|problemen|incidenten)|totul (?:e|este|merge|funcționează|functioneaza|a mers) ?(?:ok|bine|în regulă|in regula)?|merge (?:acum|din nou|bine)|s-a rezolvat|nu mai e nevoie|(?:nicio|fără|fara) (?:alertă|alerta|alerte|eroare|erori|problemă|probleme))(?![\p{L}])/iu,
  },
  // "mooi, dankjewel voor de snelle hulp", "dzięki za pomoc!", "mersi pentru ajutor": thanks.
  {
    name: "Polish, Dutch or Romanian thanks",
    pattern:
      /^\s*(?:<[@!][\w|]+>\s*)?(?:\p{L}{1,12},? )?(?:dankjewel|dank je(?: wel)?|bedankt|dzięki|dzieki|dziękuję|dziekuje|mulțumesc|multumesc|mulțumim|mersi)(?![\p{L}])/iu,
  },
  // "ja to biorę", "biorę to", "ik pak hem op", "ik neem deze", "mă ocup eu", "preiau eu"
  {
    name: "a task taken on",
    pattern:
      /(?<![\p{L}])(?:(?:ja )?(?:to |go |ją )?biorę(?: to| go| ją)?|zajmę się (?:tym|tym teraz)|ik pak (?:hem|het|dit|deze|die) (?:wel )?op|ik neem (?:hem|het|dit|deze|die)(?: wel)?|mă ocup(?: eu)?|ma ocup(?: eu)?|preiau eu|mă uit eu|ma uit eu)(?![\p{L}])/iu,
  },
  // "co potrafisz?", "wat kun jij allemaal?", "ce poți face, bot?": the bot itself asked.
  {
    name: "a question about the bot",
    pattern:
      /(?<![\p{L}])(?:co (?:potrafisz|umiesz|możesz zrobić)|wat (?:kun|kan) (?:jij|je)(?: allemaal| doen)?|ce (?:poți|poti|știi să|stii sa) (?:face|faci))(?![\p{L}])/iu,
  },
  // "hoe zet ik een silence in grafana?", "czy możesz przypomnieć jak wyciszyć alert w
  // alertmanagerze?", "cum văd cine e de gardă săptămâna asta?", "wie heeft dienst?": how to, or who.
  {
    name: "a how-to or on-call question",
    pattern:
      /(?<![\p{L}])(?:hoe (?:zet|maak|stel|zie|vind|doe|kan) (?:ik|je|jij|we)|wie heeft (?:er )?(?:dienst|piket|wacht)|jak (?:wyciszyć|wyciszyc|ustawić|ustawic|sprawdzić|sprawdzic|zobaczyć|zobaczyc|dodać|dodac)|kto (?:ma|jest na) dyżur|cum (?:văd|vad|pun|setez|fac|opresc|dezactivez|găsesc|gasesc)|cine (?:e|este) de gardă|cine (?:e|este) de garda)(?![\p{L}])/iu,
  },
  // "jutro daily o 9:30 a nie o 10", "standup is verplaatst naar 10:00", "ședința de mâine e la 11".
  {
    name: "a meeting moved",
    pattern:
      /(?<![\p{L}])(?:daily|standup|stand-up|spotkanie|retro|planning|vergadering|overleg|ședința|sedinta|întâlnirea|intalnirea)(?![\p{L}])[^\n]{0,30}?(?<![\p{L}])(?:o|om|la|na|naar|przeniesione|przesunięte|verplaatst|mutat|mutată|mutata) \d{1,2}(?::\d\d)?(?![\d])/iu,
  },
]

/** A Polish, Dutch or Romanian word every frame's text holds, so other messages skip the frames cheaply. */
const mark =
  /(?:^|[^\p{L}])(?:dankjewel|dank|bedankt|dzięki|dzieki|dziękuję|mulțumesc|multumesc|mulțumim|mersi|wszystko|już|juz|działa|nie|brak|zero|spokojnie|poszło|biorę|zajmę|co|jak|kto|jutro|o|ik|het|alles|geen|werkt|wat|hoe|wie|om|naar|totul|merge|s-a|nu|nicio|fără|fara|mă|ma|preiau|ce|cum|cine|la|daily|standup|retro)(?![\p{L}])/iu

/** The Polish, Dutch or Romanian chatter a message is, or null. `strongEvidence`: evidence of a problem found. */
export const polishDutchRomanianChatter = languageChatter({
  bare,
  bareName: "a Polish, Dutch or Romanian ack or greeting",
  mark,
  live,
  noneSaid,
  frames,
})
