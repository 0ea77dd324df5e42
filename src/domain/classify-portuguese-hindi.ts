/**
 * Portuguese and Hinglish (Hindi in Latin letters) chatter the English rules cannot read, as
 * `classify-french-spanish.ts` for French and Spanish: "vlw", "beleza", "tmj", "bom dia",
 * "shukriya 🙏", "theek hai", "kaise ho?", "o deploy de ontem correu bem, nenhum erro até agora",
 * "sab theek chal raha hai, koi issue nahi hai", "alguém pode revisar meu PR?". Reports in these
 * languages keep their evidence ("o checkout está fora do ar", "login nahi ho raha", "site down
 * hai kya?", "pagamento falhando desde 10h"): each frame stands down where the message says
 * something fails now. Read on the lower-cased text's first 600 characters. Pure.
 */
import { type LanguageFrame, languageChatter } from "./classify-language-frames.js"

const mention = String.raw`^\s*(?:<[@!][\w|]+>\s*)?`
const trailing = String.raw`[\s!.?,]*(?:(?:\p{Extended_Pictographic}|[\u{1F3FB}-\u{1F3FF}]|\uFE0F|\u200D)\s*)*$`

/**
 * Acks, thanks, greetings and small talk as the whole message: "vlw", "valeu galera", "blz",
 * "show de bola", "tmj", "obrigada", "bom dia pessoal", "shukriya", "dhanyavaad", "theek hai",
 * "accha", "kaise ho?", "namaste 🙏", "happy diwali everyone 🪔", "chai break ☕", "sending you a cookie 🍪",
 * and the Tagalog and Filipino English of a Manila desk: "salamat po!", "maraming salamat po sa tulong",
 * "ingat po kayo lahat!", "kumusta po kayo?", "noted po", "oi sumido 😄" (Brazilian "long time no see"),
 * "faz sentido", "tá bom", "foi mal, canal errado", "esquece, já achei", "bem-vinda de volta, Mariana!",
 * "cafezinho às 10?", "+1 pro que o Rui disse", "fixe", "bom fds galera", "teste 123".
 */
const bare = new RegExp(
  `${mention}(?:ok |opa |oi,? |haan,? |ji,? |wishing (?:everyone|you all|all of you|all|the team|y'all) (?:a )?(?:very )?)?(?:salamat|maraming salamat|ingat|kumusta|kamusta|magandang (?:umaga|hapon|gabi)|noted|sige|opo|sumid[oa]|vlw|valeu|valeuu+|blz|beleza|legal|show|show de bola|top|massa|demais|tmj|tamo junto|obrigad[oa]|muito obrigad[oa]|brigad[oa]|obg|de nada|imagina|disponha|fechado|combinado|certo|certinho|entendi|entendido|anotado|pode deixar|deixa comigo|tranquilo|suave|kkk+|rsrs+|bom dia|boa tarde|boa noite|boa semana|bom fim de semana|bom findi|bom almoço|sextou|faz sentido|tá bom|ta bom|está bem|tá certo|fala|verdade|concordo|como vai|como vais|bora|partiu|mandou bem|mandaste bem|rápido hein|rapido hein|deixa pra lá|deixa para lá|esquece|esquece,? já achei|já achei|foi mal|foi mal,? canal errado|canal errado|fixe|boa|bom fds|bom fim de semana|teste|teste \\d{1,4}|testando|és o maior|você é o maior|vc é o maior|bem-vind[oa](?: de volta)?(?:,? [\\p{L}]{2,20})?|tá vivo|está vivo|cafezinho(?: às \\d{1,2}h?)?|bot malvado|\\+1(?: (?:pro|para o) que (?:o |a )?[\\p{L}]{2,20} disse)?|oi|olá|ola|e aí|e ai|tudo bem|tudo bom|tudo certo|até amanhã|até mais|falou|shukriya|shukriyaa|dhanyavaad|dhanyavad|dhanyawad|theek hai|thik hai|thk hai|chal theek hai|chalo theek hai|bohot badiya|bohot badhiya|bahut badiya|kya baat hai|nandri|romba nandri|seri|super da|dhonnobad|dhonyobad|thik ache|accha,? thik ache|sob thik ache(?: ekhon)?|accha|acha|achha|accha ji|haan|haan ji|haanji|ji|ji haan|bilkul|koi baat nahi|koi baat nahin|chalo|chaliye|badhiya|bahut badhiya|mast|shabash|kaise ho|kaise hain aap|kya haal hai|kya haal chaal|namaste|namaskar|ram ram|jai hind|happy (?:diwali|deepavali|holi|eid|onam|pongal|navratri|lohri|dussehra|durga puja|ganesh chaturthi|raksha bandhan|ugadi|baisakhi)|(?:diwali|eid|holi) mubarak|shubh (?:diwali|deepavali)|feliz (?:natal|ano novo|páscoa|aniversário)|bom carnaval|boas festas|(?:chai|coffee|tea|lunch|snack|samosa|smoke) break|sending (?:you|y'all|everyone|the team) (?:a |some )?(?:cookies?|hugs?|coffee|chai|cake|pizza|samosas?|ladoos?|laddoos?|sweets|brigadeiros?|good vibes|love))(?:[\\s,!.]+(?:bot|galera|pessoal|gente|time|equipe|a todos|todo mundo|mesmo|demais|ji|bhai|yaar|dost|sab|sabko|sab ko|everyone|all|team|guys|po|kayo|lahat|sa lahat|sa tulong|sa inyo|sa inyong lahat|da|dada|didi|anna)){0,3}${trailing}`,
  "iu",
)

/** What makes Portuguese or Hinglish talk a report: something failing, missing or wrong now. */
const live =
  /(?<![\p{L}])(?:fora do ar|caiu|caído|caída|quebrad[oa]s?|quebrou|travad[oa]s?|travou|travando|falh(?:a|as|ou|ando|aram|am)|erros?|lent[oa]|não (?:funciona|carrega|abre|responde|está funcionando|tá funcionando|consigo)|parou|parad[oa]|desde|ainda|de novo|down|nahi(?:n)? (?:ho|chal|kar|khul|aa|mil|load|ja)|band (?:hai|ho gaya)|atak|atka|phat|kharab|fail(?:s|ed|ing)?|errors?|timeouts?|[45]\d\d)(?![\p{L}])/iu

/** What the writer says is none: "nenhum erro", "sem alertas", "nada quebrado", "koi issue nahi". */
const noneSaid =
  /(?<![\p{L}])(?:(?:nenhum|nenhuma|sem) (?:erro|alerta|incidente|problema|falha|impacto)s?|(?:não tem )?nada (?:quebrado|caído|fora do ar|de erro)|koi (?:issue|problem|error|dikkat|alert|pareshani|tension)s? nahi(?:n)?|no (?:issues?|errors?) (?:hai|nahi)|kono (?:issue|problem|error|jhamela)s? (?:nei|nai))(?![\p{L}])/giu

const frames: ReadonlyArray<LanguageFrame> = [
  // "só testando a integração, ignora", "está tudo a funcionar, falso alarme — era um teste meu",
  // "sábado vamos fazer teste de DR, vão aparecer alertas de staging — podem ignorar"
  {
    name: "a test or a false alarm",
    pattern:
      /(?<![\p{L}])(?:(?:só |apenas )?testando|era (?:só |apenas )?(?:um )?teste|falso alarme|alarme falso|podem ignorar|pode ignorar|ignora)(?![\p{L}])/iu,
  },
  // "Manutenção programada: … dom 04:00–05:00", "não esquecer de rodar as chaves na próxima sprint",
  // "a daily amanhã passa pras 10h BRT": work or a meeting planned.
  {
    name: "a plan announced",
    pattern:
      /(?<![\p{L}])(?:não esquecer de|na próxima (?:sprint|semana)|manutenção programada|(?:vamos|vou) fazer|daily (?:de )?amanhã|passa pras? \d{1,2}h)(?![\p{L}])/iu,
  },
  // "o que você sabe fazer?", "podes explicar-me como funciona a escalação no Opsgenie?", "o que
  // significa 'KubeHpaMaxedOut'?", "quantos alertas tivemos no mês passado?", "se o waiting room
  // cair …, quem a gente aciona primeiro?", "galera, quem vai no show sábado?"
  {
    name: "a question, no problem",
    pattern:
      /(?<![\p{L}])(?:o que (?:você|vc|tu) sabe fazer|(?:podes|pode|consegue|consegues) (?:me )?explicar|como funciona|o que significa|quantos alertas|quem (?:a gente )?aciona|quem (?:está|tá|fica) de (?:plantão|prevenção|sobreaviso)|quem vai (?:no|na|pro|pra|ao))(?![\p{L}])/iu,
  },
  // "passando o plantão pro Lucas — semana tranquila, só um alerta de disco flapping que silenciei"
  { name: "a shift handover", pattern: /(?<![\p{L}])(?:passando|passo|entrego) o plantão(?![\p{L}])/iu },
  // "o alerta de 5xx de ontem teve post-mortem? não encontro"
  { name: "about a past incident's review", pattern: /(?<![\p{L}])post-?mortem(?![\p{L}])/iu },
  // "ticket do teste sintético flaky é ING-2231, sem urgência", "leitura interessante sobre
  // metastable failures: https://…", "movi o dashboard de slow queries para a pasta Payments",
  // "para de me acordar às 3h por causa de warning 😅 brincadeira"
  {
    name: "a note, nothing to look at",
    pattern:
      /(?<![\p{L}])(?:sem urgência|não é urgente|nada urgente|leitura interessante|artigo interessante|vale a leitura|(?:movi|mudei|renomeei|arquivei) (?:o|a|os|as) (?:dashboard|painel|alerta|pasta|canal)|brincadeira|tô brincando|pronto (?:para|pra) revisão|bot chegou [^.!?\n]{0,40}antes de mim)(?![\p{L}])/iu,
  },
  // "o deploy de ontem correu bem, nenhum erro até agora", "tudo certo por aqui", "sab theek
  // chal raha hai, koi issue nahi hai", "fix ho gaya, sab normal"
  {
    name: "all clear",
    pattern:
      /(?<![\p{L}])(?:(?:correu|rodou|foi|saiu|funcionou) (?:tudo )?(?:bem|liso|tranquilo|certinho|ok|de boa)|(?:está |tá )?tudo a funcionar|(?:limpei|resolvi|corrigi) e (?:está|tá) ok|concluíd[oa]|métricas normais|latência igual|tudo (?:certo|ok|funcionando|normal|verde|tranquilo|estável|rodando)|(?:nenhum|nenhuma|sem) (?:erro|alerta|incidente|problema|falha)s?|sa[bv] (?:theek|thik|badhiya|sahi|normal|ok|set)|sob (?:thik|theek|thikthak|normal|ok)|ellam (?:normal|ok|seri|fine|sariya) (?:aayiduchu|aachu|iruku|irukku)|kono (?:issue|problem|error|jhamela)s? (?:nei|nai)|koi (?:issue|problem|error|dikkat|alert|pareshani)s? nahi(?:n)?|(?:fix|theek|thik|resolve|sort) ho gaya)(?![\p{L}])/iu,
  },
  // "kya aap Hindi samajhte ho?", "tumi Bangla bojho?", "nee Tamil pesuviya bot?": which
  // language the bot reads, asked in Hinglish, Bengali-English or Tamil-English.
  {
    name: "talk with the bot",
    pattern:
      /^\s*(?:<[@!][\w|]+>\s*)?(?:kya (?:aap|tum|tu) [\p{L}]{3,15} (?:samajhte|samajhti|samajh(?: sakte)?|bolte|bol(?: sakte)?) (?:ho|hai|hain)|tumi [\p{L}]{3,15} (?:bojho|bujho|bolo|bolte paro)|nee [\p{L}]{3,15} (?:pesuviya|pesuva|pesa theriyuma|theriyuma))(?![\p{L}])/iu,
  },
  // "o bot é brabo demais kkkk", "esse bot tá muito top", "o robô ficou sensacional": the bot praised.
  {
    name: "the bot praised",
    pattern:
      /(?<![\p{L}])(?:bot|robô|robozinho) (?:é|e|eh|tá|ta|está|ficou) (?:muito |mó |mto |bem |super |mais que )?(?:brab[oa]|foda|top|demais|incrível|sensacional|show|massa|genial|inteligente|espert[oa]|lind[oa]|bom demais)(?![\p{L}])/iu,
  },
  // "alguém pode revisar meu PR do alerta de temperatura?", "pode dar uma olhada no meu PR?",
  // "koi mera PR review kar do"
  {
    name: "a review asked",
    pattern:
      /(?<![\p{L}])(?:revisar|revisa|revisão d[oe]|dar uma olhada n[oa]|olhar)(?: (?:meu|minha|o|a|esse|essa|este|esta))? (?:pr|mr|pull request|merge request)(?![\p{L}])|(?<![\p{L}])(?:pr|mr) (?:review|approve) (?:kar|karo|kardo|kar do|kar dena|kar sakte)(?![\p{L}])/iu,
  },
]

/** A Portuguese or Hinglish word every frame's text holds, so other messages skip the frames cheaply. */
const mark =
  /(?:^|[^\p{L}])(?:o|a|os|as|de|do|da|na|em|pro|pra|que|quem|quantos|um|para|não|tem|é|meu|minha|tudo|nenhum|nenhuma|sem|correu|rodou|pode|alguém|bot|robô|sab|sob|ellam|kono|kya|tumi|nee|koi|hai|nahi|nahin|ho|kar|mera|fix)(?![\p{L}])/iu

/** The Portuguese or Hinglish chatter a message is, or null. `strongEvidence`: evidence of a problem found. */
export const portugueseHindiChatter = languageChatter({
  bare,
  bareName: "a Portuguese or Hinglish ack or greeting",
  mark,
  live,
  noneSaid,
  frames,
})
