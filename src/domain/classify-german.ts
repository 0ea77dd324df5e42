/**
 * German (and Swiss and Austrian German) chatter the English rules cannot read: the gate's
 * lexicon and frames are English, so "passt", "Grüezi mitenand", "wer hat diese Woche
 * Rufbereitschaft?" or "Deployment … ist durch, keine Fehler, alles grün" had no signal at all
 * and were investigated by default. These are the English rules given their German words: an ack
 * or a greeting that is the whole message, praise of the bot, questions that report nothing,
 * reminders, tests, people introduced or off sick, news that went well, a ticket closed with its
 * cause, a supposition ("Gedankenspiel: was machen wir, wenn …"), a word's meaning. German
 * reports keep their evidence (`classify-foreign.ts`): each frame stands down where the message
 * says something fails now ("Check-in in ZRH geht nicht", "seit 10 Minuten keine LDMs mehr").
 * Read on the lower-cased text's first 600 characters. Pure.
 */
import type { Message } from "./classify-text.js"

const mention = String.raw`^\s*(?:<[@!][\w|]+>\s*)?`
const trailing = String.raw`[\s!.?,]*(?:(?:\p{Extended_Pictographic}|[\u{1F3FB}-\u{1F3FF}]|\uFE0F|\u200D)\s*)*$`

/**
 * Acks, short replies, greetings, farewells and praise of the bot, as the whole message: "jep",
 * "passt", "wird gemacht", "ich schau's mir an", "Grüezi mitenand", "Mahlzeit", "guten Rutsch!",
 * "du bist der Beste", "blöder Bot 😂". ("hilfe" alone asks nothing, as "help" alone.)
 */
const bare = new RegExp(
  `${mention}(?:ja|jo|joa|jep|jup|jap|jawoll|jawohl|nein|nö|nee|oki|okidoki|mhm|hmm|aha|achso|ah ok|genau|stimmt|passt(?: schon)?|sauber|super|spitze|prima|klasse|top|perfekt|cool|gerne?|bitte|danke(?: dir| euch| schön| sehr)?|merci(?: vielmal)?|vielen dank|gesehen|verstanden|notiert|alles klar|klaro?|wird gemacht|mach ich|erledigt|bin dran|(?:ich )?schau(?:'s| es|e)? (?:mir )?(?:das |es )?(?:mal )?an|ich (?:kümmere|kümmer) mich(?: drum| darum)?|hä|häh|wie bitte|n8|gn8|gute nacht|guten morgen|guten tag|guten abend|(?:guten )?morgen(?: zusammen| allerseits| miteinand| mitenand| alle| leute)?|moin(?: moin| zusammen)?|servus(?: zusammen| miteinand)?|grüezi(?: mitenand| miteinand| zusammen| wohl)?|grüß gott|gruess ech|hallo(?: zusammen| alle| leute)?|hoi(?: zäme| zusammen)?|mahlzeit|feierabend|schönen feierabend|schönes wochenende|tschüss|tschau|ciao|baba|pfiat di|bis morgen|bis später|guten rutsch(?: ins neue jahr)?|frohe weihnachten|frohes neues(?: jahr)?|wieder da|bin (?:kurz |mal )?(?:weg|offline|afk|zurück|wieder da)|bin afk|hilfe|kaffee(?:pause)?|mittagessen|zmittag|znüni|feierabendbier|du bist (?:der|die|das) (?:beste|größte|allerbeste)|(?:braver|guter|lieber|toller|blöder|doofer|frecher) bot|gut gemacht|super gemacht|danke bot)(?:[\\s,!.]+(?:bot|zusammen|alle|leute|team))?${trailing}`,
  "iu",
)

/** What makes German talk a report: something failing, missing or wrong now. */
const liveGerman =
  /\b(?:geht nicht|gehen nicht|geht nichts|funktioniert nicht|funktionieren nicht|klappt nicht|läuft nicht|laufen nicht|kaputt|ausgefallen|ausfall|down|störung|fehlt|fehlen|keine \p{L}+ mehr|nicht mehr|hängt|hängen|wirft|werfen|falsche[nrs]?|abgelaufen|seit \d|seit (?:heute|gestern|vorhin)|gerade|immer noch|schon wieder|timeout|timeouts|[45]\d\d(?:er)?)(?![\p{L}])/iu

/**
 * Frames of German talk that report nothing, each read only when `liveGerman` finds no present
 * problem outside quotes (a frame that supposes or explains one says so itself).
 */
const frames: ReadonlyArray<readonly [string, RegExp]> = [
  // "wie war der Release gestern? hab gehört alles smooth", "wie lief das Update? soll ja glatt
  // gegangen sein": how some work went, asked after hearing it went well.
  [
    "how some work went, asked",
    /\bwie (?:war|lief|ging) (?:der|die|das|euer|eure) (?:release|deploy|deployment|rollout|go-?live|umzug|migration|update|upgrade|wartung|cutover)\b[^\n?]{0,30}\?[^\n]{0,30}\b(?:smooth|glatt|gut|problemlos|ruhig|reibungslos)\b/iu,
  ],
  // "wer hat diese Woche Rufbereitschaft?", "wer ist heute on call?"
  [
    "who is on call, asked",
    /^\s*(?:<[@!][\w|]+>\s*)?(?:\p{L}+[,:]?\s+)?wer (?:hat|ist|macht) (?:diese woche |heute |morgen |am wochenende |nächste woche |gerade )?(?:die |in der )?(?:rufbereitschaft|bereitschaft|on-?call|pikett|dienst)\b[^\n]{0,40}\?\s*$/iu,
  ],
  // "wie silence ich die Alarme … während dem Umbau nächste Woche?": alerting asked about.
  [
    "how to quiet alerts, asked",
    /\bwie (?:silence|mute|stumm ?schalte|pausiere|unterdrücke|deaktiviere) (?:ich|man|wir)\b[^\n?]{0,80}\b(?:alarme?|alerts?|meldungen|benachrichtigungen)\b/iu,
  ],
  // "kannst du mir erklären, was bag_recon_unmatched_total genau zählt?", "was bedeutet 'warning'?"
  [
    "what a metric or word means, asked",
    /\b(?:kannst du|könntest du|kann (?:mir )?(?:jemand|wer))(?: mir)? (?:kurz |mal )?erklären\b|\bwas (?:genau )?(?:bedeutet|heißt|heisst|misst|zählt|meint) (?:eigentlich |denn |genau )?['"‘“„]|\bwas (?:[\w.-]{2,60} )?(?:genau |eigentlich )?(?:zählt|misst|bedeutet)\s*\?/iu,
  ],
  // "das 'down' im Dashboard-Titel heißt Downlink, nicht Ausfall": a quoted word explained.
  [
    "what a word means",
    /['"‘“„][\p{L}\d _-]{1,30}['"’”“][^.?!\n]{0,60}\b(?:heißt|heisst|bedeutet|steht für|meint)\b/iu,
  ],
  // "sag mal, wie viele Flüge hatten wir gestern in ZRH? nur aus Neugier"
  [
    "a question out of curiosity",
    /\b(?:nur|rein|aus reiner|reine) (?:aus )?neugier(?:de)?\b|\bnur interessehalber\b/iu,
  ],
  // "sind die neuen Gate Reader für SZG schon bestellt?": a purchase asked after.
  [
    "an order asked after",
    /\b(?:sind|ist|wurden?) (?:die|der|das) [^?\n]{1,60}\b(?:schon |bereits )?(?:bestellt|geliefert|angekommen|eingetroffen|genehmigt)\s*\?/iu,
  ],
  // "plane gerade die Kapazität für den Sommerflugplan, brauchen wir mehr Nodes …?"
  [
    "capacity planned",
    /\b(?:plane|planen|planung|kapazitätsplanung)\b[^\n]{0,60}\b(?:kapazität|sommerflugplan|winterflugplan|nächstes jahr|saison)\b|\bbrauchen wir mehr (?:nodes|server|instanzen|kapazität|leute|speicher)\b/iu,
  ],
  // "erinnere mich morgen um 9 ans Zertifikat für gate-api"
  ["a reminder asked", /\berinner(?:e|st|n)? (?:mich|uns|mal)\b/iu],
  // "Test vom neuen Channel #ops-szg, bitte ignorieren"
  [
    "a test",
    /\bbitte ignorieren\b|^\s*(?:<[@!][\w|]+>\s*)?test(?:nachricht)?\b[^\n]{0,60}\b(?:ignorieren|ignoriert)\b/iu,
  ],
  // "ignoriert den Alarm von vorhin auf deice-planner-staging, war mein Test"
  [
    "an alert of the writer's own test",
    /\bignorier(?:t|en|e)? (?:bitte )?(?:den|die|das)? ?(?:alarm|alert|meldung|page)\b[^\n]{0,80}\b(?:war (?:mein|ein|nur ein|unser) test|test)\b/iu,
  ],
  // "neuer Kollege in VIE, Martin, sag mal hallo 👋"
  [
    "a colleague introduced",
    /\bsag(?:t)? (?:mal |doch )?(?:hallo|hi|servus|grüezi|moin)\b|\b(?:neuer kollege|neue kollegin|neu im team)\b/iu,
  ],
  // "bin heute krank, Sabine übernimmt", "bin ab morgen im Urlaub"
  [
    "time off",
    /\b(?:bin|ist|sind) (?:heute |morgen |diese woche |ab morgen |ab montag )?(?:krank|im urlaub|in den ferien|auf urlaub|frei|im homeoffice)\b|\b[\p{L}]+ übernimmt\b(?![^\n]{0,40}\b(?:incident|störung)\b)/iu,
  ],
  // "Gedankenspiel: was machen wir, wenn SITA mal komplett down ist?": a supposition.
  [
    "a problem supposed, not seen",
    /^\s*(?:<[@!][\w|]+>\s*)?(?:gedankenspiel|hypothetisch|theoretisch|mal angenommen|angenommen)\b|\bwas (?:machen|tun) wir,? (?:eigentlich )?(?:wenn|falls)\b|\bwas wäre,? wenn\b|\bwas passiert,? wenn\b/iu,
  ],
  // "wie war das nochmal mit dem Enteisungs-Chaos letzten Winter? hat jemand das Dokument?"
  [
    "the past talked about",
    /\b(?:letzten|letztes|vorigen|voriges|vergangenen) (?:winter|sommer|herbst|frühling|jahr|monat)\b[^\n]{0,80}\b(?:dokument|doku|postmortem|bericht|wiki|link)\b|\bwie war das (?:nochmal|noch mal|damals)\b/iu,
  ],
  // "Ticket geschlossen, Root Cause war …": closed, its cause told in the past.
  [
    "a ticket closed",
    /\b(?:ticket|incident|störung|case) (?:ist |wurde )?(?:geschlossen|erledigt|gelöst)\b/iu,
  ],
  // "Deployment … ist durch, keine Fehler, alles grün", "Tagesbericht …: 0 Fehler ✅",
  // "Status: alle Stationen melden normalen Betrieb", "lief perfekt, keine Verspätungen",
  // "Nach dem Update läuft alles stabil".
  [
    "news that went well",
    /\b(?:ist durch|erfolgreich (?:durch|abgeschlossen|deployed|ausgerollt)|alles (?:wieder )?grün|(?:keine|0|null) (?:fehler|verspätungen|probleme|ausfälle|störungen)\b|normale[nr]? betrieb|lief (?:perfekt|super|einwandfrei|reibungslos|gut|problemlos|sauber)|läuft (?:(?:jetzt|wieder|alles|seitdem) )*(?:perfekt|super|einwandfrei|reibungslos|problemlos|sauber|stabil))/iu,
  ],
  // "Fehlerquote beim Boarding war letzten Monat bei 0,2%, Management ist happy"
  [
    "a good past rate",
    /\b(?:fehlerquote|ausfallquote|fehlerrate|verfügbarkeit|pünktlichkeit)\b[^\n]{0,60}\b(?:war|lag)\b[^\n]{0,40}\b(?:letzte[nrs]? (?:monat|woche|jahr|quartal)|im (?:januar|februar|märz|april|mai|juni|juli|august|september|oktober|november|dezember))\b/iu,
  ],
  // "lol wer hat den Alarm 'SchlepperMüde' genannt 😂": an alert's name laughed about.
  [
    "an alert's name talked about",
    /\b(?:alarm|alert|meldung)s? ['"‘“„][^'"’”“\n]{1,40}['"’”“] (?:genannt|getauft|benannt)\b|\b(?:name|bezeichnung) (?:vom|des|von dem) (?:alarm|alert)\b/iu,
  ],
]

/** "keine Fehler", "0 Verspätungen": a problem counted as none. */
const noneOf = /\b(?:keine|0|null) (?:fehler|verspätungen|probleme|ausfälle|störungen)\b/giu

/** "plane gerade", "bin gerade dabei": what the writer is doing right now. */
const busyNow = /\b(?:plane|planen|schreibe|mache|arbeite|bin|sind) gerade\b/giu

const quotedSpans = /['"‘“„][^'"’”“\n]{1,40}['"’”“]/g

/** A German word every frame's text holds, so English messages skip the frames cheaply. */
const germanMark =
  /(?:^|[^\p{L}])(?:ich|wir|ihr|du|der|die|das|den|dem|ist|sind|war|wer|wie|was|bin|hat|mal|nicht|keine|und|oder|mit|für|vom|bitte|alles|sag|heute|morgen|alle|fehler|gedankenspiel|erinnere|ticket|status|fehlerquote)(?![\p{L}])/iu

/** The German chatter a message is, or null. `strongEvidence`: English or German evidence found. */
export const germanChatter = (message: Message, strongEvidence: boolean): string | null => {
  const text = message.text.slice(0, 600)
  if (!strongEvidence && bare.test(text)) return "a German ack or greeting"
  if (!germanMark.test(text)) return null
  const unquoted = text.replace(quotedSpans, " ")
  for (const [name, pattern] of frames) {
    if (!pattern.test(text)) continue
    // A supposition says its problem itself; it must not also say one is happening now.
    if (name === "a problem supposed, not seen")
      return /\b(?:gerade|jetzt|seit|schon wieder|immer noch)\b/iu.test(unquoted) ? null : name
    // ("… heißt Downlink, nicht Ausfall": the problem word denied is the explanation's.)
    if (name === "what a word means")
      return liveGerman.test(unquoted.replace(/\bnicht (?:ausfall|down|kaputt|fehler)\b/giu, " "))
        ? null
        : name
    // Any other frame beside English evidence of a problem reports it ("…, payments are failing").
    if (strongEvidence) return null
    // ("keine Fehler", "0 Fehler": none, no failure.)
    // ("plane gerade die Kapazität": the writer's own "right now", not a problem's.)
    return liveGerman.test(unquoted.replace(noneOf, " ").replace(busyNow, " ")) ? null : name
  }
  return null
}
