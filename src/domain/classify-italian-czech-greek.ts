/**
 * Italian, Czech and Greek chatter the English rules cannot read, as
 * `classify-polish-dutch-romanian.ts`: "va bene", "buongiorno", "díky moc", "dobrý den",
 * "καλημέρα", "kalo savvatokyriako", "vše v pořádku", "όλα καλά", "oggi sono di reperibilità io",
 * "kdo má dneska službu?". Reports in these languages keep their evidence ("non funziona il
 * login", "nefunguje přihlášení", "δεν δουλεύει"): each frame stands down where the message
 * says something fails now. Read on the lower-cased text's first 600 characters. Pure.
 */
import { type LanguageFrame, languageChatter } from "./classify-language-frames.js"

const mention = String.raw`^\s*(?:<[@!][\w|]+>\s*)?`
const trailing = String.raw`[\s!.?,]*(?:(?:\p{Extended_Pictographic}|[\u{1F3FB}-\u{1F3FF}]|\uFE0F|\u200D)\s*)*$`

/**
 * Acks, thanks, greetings and small talk as the whole message: "va bene", "perfetto", "grazie
 * mille", "buon weekend", "díky moc", "dobrý den", "jasně", "καλημέρα", "ευχαριστώ", "kalo
 * savvatokyriako" (Greek written in Latin letters).
 */
const bare = new RegExp(
  `${mention}(?:ok,? |sì,? |si,? |ano,? |jo,? |ναι,? |nai,? )?(?:va bene|ok va bene|d'accordo|perfetto|ottimo|benissimo|capito|ricevuto|grazie|grazie mille|grazie a tutti|buongiorno|buonasera|buonanotte|buon pomeriggio|buona giornata|buona serata|buon weekend|buon fine settimana|buon lavoro|buon riposo|ciao|ciao a tutti|a domani|díky|diky|díky moc|diky moc|děkuji|dekuji|děkuju|dekuju|dík|dobrý den|dobry den|dobré ráno|dobre rano|dobrý večer|ahoj|ahoj všichni|čau|cau|jasně|jasne|rozumím|rozumim|v pohodě|v pohode|super|hezký víkend|hezky vikend|pěkný víkend|pekny vikend|dobrou noc|na shledanou|zítra|καλημέρα|καλησπέρα|καληνύχτα|γεια|γεια σας|γεια σου|ευχαριστώ|ευχαριστώ πολύ|ευχαριστούμε|εντάξει|τέλεια|καλό σαββατοκύριακο|καλή εβδομάδα|καλή δουλειά|kalimera|kalispera|kalinixta|geia|efharisto|efcharisto|entaxei|endaxi|teleia|kalo savvatokyriako|kalo sabbatokyriako|kali evdomada)(?:[\\s,!.]+(?:bot|a tutti|ragazzi|team|všichni|vsichni|tým|όλοι|σε όλους|all|everyone))?${trailing}`,
  "iu",
)

/** What makes Italian, Czech or Greek talk a report: something failing, missing or wrong now. */
const live =
  /(?<![\p{L}])(?:non (?:funziona|funzionano|va|vanno|carica|risponde|parte|riesco)|errore|errori|bloccat[oaie]|lento|lenta|giù|ancora|di nuovo|da stamattina|nefunguje|nefungují|nejde|nejdou|chyba|chyby|chybou|padá|spadl[oa]?|výpadek|vypadek|pomalé|pořád|porad|zase|znovu|od rána|δεν (?:δουλεύει|λειτουργεί|φορτώνει|απαντά)|σφάλμα|σφάλματα|πέφτει|έπεσε|ακόμα|πάλι|down|fail(?:s|ed|ing)?|errors?|timeouts?|still|since|again|[45]\d\d)(?![\p{L}])/iu

/** What the writer says is none: "nessun errore", "žádné chyby", "κανένα σφάλμα". */
const noneSaid =
  /(?<![\p{L}])(?:nessun (?:errore|problema|allarme|alert|incidente)|nessuna (?:anomalia|segnalazione)|žádné (?:chyby|problémy|alerty|výpadky)|zadne (?:chyby|problemy)|bez (?:chyb|problémů|problemu)|κανένα (?:σφάλμα|πρόβλημα|alert)|χωρίς (?:σφάλματα|προβλήματα))(?![\p{L}])/giu

const frames: ReadonlyArray<LanguageFrame> = [
  // "vše v pořádku", "όλα καλά", "tutto ok dopo il deploy", "funguje to", "nessun errore stanotte"
  {
    name: "all clear",
    pattern:
      /(?<![\p{L}])(?:vše (?:v pořádku|v poradku|ok|funguje|běží|jede)|vse v poradku|všechno (?:ok|funguje|běží|v pořádku)|όλα (?:καλά|ok|εντάξει|λειτουργούν)|ola kala|tutto (?:ok|a posto|bene|funziona|regolare|tranquillo)|(?:ora |adesso )?funziona(?: di nuovo| tutto)?|già risolto|risolto|už (?:to )?funguje|uz (?:to )?funguje|(?:nessun|žádné|κανένα) (?:errore|problema|allarme|chyby|problémy|σφάλμα|πρόβλημα))(?![\p{L}])/iu,
  },
  // "buongiorno, oggi sono di reperibilità io. ciao Nikos, buon riposo!", "kdo má dneska službu?",
  // "chi è di turno stanotte?", "ποιος έχει βάρδια σήμερα;", "mám pohotovost do pátku"
  {
    name: "an on-call greeting or question",
    pattern:
      /(?<![\p{L}])(?:sono (?:io )?di (?:reperibilità|reperibilita|turno)(?: io)?|chi (?:è|e) (?:di )?(?:reperibilità|reperibile|reperibilita|turno)|kdo má (?:dneska |dnes |zítra |tento týden )?(?:službu|pohotovost)|kdo ma (?:dneska |dnes )?(?:sluzbu|pohotovost)|mám (?:dneska |dnes |tento týden )?(?:službu|pohotovost)|ποιος (?:έχει|είναι) (?:σε )?(?:βάρδια|on-call|εφημερία))(?![\p{L}])/iu,
  },
  // "grazie per l'aiuto!", "díky za pomoc", "ευχαριστώ για τη βοήθεια": thanks.
  {
    name: "Italian, Czech or Greek thanks",
    pattern:
      /^\s*(?:<[@!][\w|]+>\s*)?(?:\p{L}{1,12},? )?(?:grazie|díky|diky|děkuji|dekuji|děkuju|ευχαριστώ|ευχαριστούμε|efharisto)(?![\p{L}])/iu,
  },
]

/** An Italian, Czech or Greek word every frame's text holds, so other messages skip the frames cheaply. */
const mark =
  /(?:^|[^\p{L}])(?:vše|vse|všechno|όλα|ola|tutto|funziona|già|risolto|už|uz|nessun|žádné|κανένα|sono|chi|kdo|mám|ποιος|grazie|díky|diky|děkuji|dekuji|děkuju|ευχαριστώ|ευχαριστούμε|efharisto)(?![\p{L}])/iu

/** The Italian, Czech or Greek chatter a message is, or null. `strongEvidence`: evidence of a problem found. */
export const italianCzechGreekChatter = languageChatter({
  bare,
  bareName: "an Italian, Czech or Greek ack or greeting",
  mark,
  live,
  noneSaid,
  frames,
})
