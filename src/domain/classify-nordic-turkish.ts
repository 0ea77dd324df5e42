/**
 * Swedish, Turkish, Tagalog/Taglish and Māori/Australian/NZ chatter the English rules cannot read,
 * as `classify-portuguese-hindi.ts` for Portuguese and Hinglish: "trevlig helg!", "låter bra",
 * "kolay gelsin", "tamamdır", "ayos!", "ok na po, gumagana na", "kia ora", "ka pai", "chur",
 * "smoko anyone?", "det var bara ett test av larmet, allt är ok", "sorun çözüldü, her şey normal",
 * "hafta sonu nöbet kimde?", "sino po on-call this weekend?", "is latency measured at the lb or
 * the app?". Reports in these languages keep their evidence ("kassan funkar inte", "ödeme sayfası
 * açılmıyor", "hindi gumagana yung login"): each frame stands down where the message says
 * something fails now. Read on the lower-cased text's first 600 characters. Pure.
 */
import { type LanguageFrame, languageChatter } from "./classify-language-frames.js"

const mention = String.raw`^\s*(?:<[@!][\w|]+>\s*)?`
const trailing = String.raw`[\s!.?,]*(?:(?:\p{Extended_Pictographic}|[\u{1F3FB}-\u{1F3FF}]|\uFE0F|\u200D)\s*)*$`

/**
 * Acks, thanks, greetings and small talk as the whole message: "glad påsk 🐣", "heja!", "smacznego",
 * "jak leci? 😄", "iyi hafta sonları", "eline sağlık", "kolay gelsin herkese, ben çıkıyorum",
 * "salamat po sa tulong kanina", "kain muna ako", "kia ora", "ka kite", "choice bro", "onya",
 * "hooroo", "knock-off time 🍺", "sahi hai", "chai pe chalein?", "hats off", "yessir".
 */
const bare = new RegExp(
  `${mention}(?:ok,? |okej,? |tamam,? |sige,? )?(?:glad påsk|god jul|gott nytt år|låter bra|låter toppen|trevlig helg|ha en trevlig helg|trevlig kväll|heja|hejsan|hej hej|tack|tack så mycket|tusen tack|toppen|kanon|grymt|bra jobbat|snyggt|vi ses|ha det bra|fika|dags för fika|smacznego|jak leci|co tam|iyi hafta sonları|iyi hafta sonu|iyi akşamlar|iyi geceler|günaydın|kolay gelsin|kolay gelsin herkese,? ben çıkıyorum|tamamdır|tamam|teşekkürler|teşekkür ederim|sağ ol|sağol|eline sağlık|ellerine sağlık|eyvallah|harika|merhaba|selam|görüşürüz|iyi çalışmalar|afiyet olsun|ayos|ayos na|ok na po,? gumagana na|gumagana na|kain muna(?: ako| tayo| kayo)?|salamat po sa tulong kanina|kia ora|ka pai|chur|ka kite(?: anō| ano)?|smoko(?: anyone| time)?|choice(?: bro)?|sweet as|good onya|onya|mean|stoked|goodo|good-o|hooroo|nws|bonza|dunno mate|knock-off time|yessir|sick|wah|tc|hats off|will update|sahi hai|chai pe chalein)(?:[\\s,!.]+(?:bot|alla|allihopa|herkese|arkadaşlar|ekip|po|kayo|bro|mate|team|all|everyone|whānau|ji|yaar))?${trailing}`,
  "iu",
)

/** What makes such talk a report: something failing, missing or wrong now. */
const live =
  /(?<![\p{L}])(?:funkar inte|fungerar inte|ligger nere|nere|trasig|trasigt|hänger sig|fortfarande|sedan|çalışmıyor|açılmıyor|hata veriyor|çöktü|yavaş|düştü|hâlâ|hala|yine|sorun var|hindi gumagana|ayaw (?:gumana|mag-?load)|sira|mabagal|pa rin|down|fail(?:s|ed|ing)?|errors?|timeouts?|still|since|again|[45]\d\d)(?![\p{L}])/iu

/** What the writer says is none: "inga fel", "hata yok", "walang errors". */
const noneSaid =
  /(?<![\p{L}])(?:inga (?:fel|larm|problem|incidenter)|(?:hata|sorun|alarm) yok|walang (?:errors?|problema|issues?))(?![\p{L}])/giu

const frames: ReadonlyArray<LanguageFrame> = [
  // "det var bara ett test av larmet, allt är ok", "funkar igen 👌", "sorun çözüldü, her şey normal",
  // "canlıya çıkış sorunsuz tamamlandı, hata oranı normal", "tapos na yung migration, walang errors 👍"
  {
    name: "all clear",
    pattern:
      /(?<![\p{L}])(?:(?:bara|endast) ett test|allt (?:är|funkar) (?:ok|bra|som det ska)|funkar igen|sorun çözüldü|her şey (?:normal|yolunda)|sorunsuz (?:tamamlandı|bitti|geçti)|hata oranı normal|tapos na (?:yung|ang)|walang (?:errors?|problema|issues?))(?![\p{L}])/iu,
  },
  // "kan du visa vem som har jouren i helgen?", "hafta sonu nöbet kimde?", "sino po on-call this
  // weekend?", "bu bot ne işe yarıyor?", "is latency measured from the student side or at the SFU?"
  {
    name: "a question, no problem",
    pattern:
      /(?<![\p{L}])(?:vem (?:som )?har jouren|nöbet(?:çi)? kimde|kim nöbetçi|sino (?:po )?(?:ang )?on-?call|bu bot ne işe yarıyor|is (?:latency|p\d\d|error rate|uptime) (?:measured|computed|calculated) (?:at|from|on|in|by))(?![\p{L}])/iu,
  },
  // "akşam 22:00'de planlı bakım var, kimse panik yapmasın 🙂", "huwag niyo na i-restart yung sfu
  // during the demo mamaya ha", "dünkü kesintiyle ilgili rapor hazır, linki kanala attım",
  // "Jess is crook today so Liam's covering her on-call shift", "yung latency graph kahapon ang ganda"
  {
    name: "a note, nothing to look at",
    pattern:
      /(?<![\p{L}])(?:planlı bakım|panik yapmasın|huwag (?:niyo|nyo|mo) (?:na )?i-?restart|rapor(?:u)? hazır|is crook today|covering (?:her|his|their) on-?call|ang ganda)(?![\p{L}])/iu,
  },
]

/** A word every frame's text holds, so other messages skip the frames cheaply. */
const mark =
  /(?:^|[^\p{L}])(?:bara|endast|allt|funkar|vem|sorun|her şey|sorunsuz|hata|tapos|walang|nöbet|nöbetçi|kim|sino|bu|measured|computed|calculated|planlı|panik|huwag|rapor|raporu|crook|covering|ang)(?![\p{L}])/iu

/** The Swedish, Turkish, Tagalog or Māori/Australian chatter a message is, or null. */
export const nordicTurkishChatter = languageChatter({
  bare,
  bareName: "a Swedish, Turkish, Tagalog or Māori/Australian ack or greeting",
  mark,
  live,
  noneSaid,
  frames,
})
