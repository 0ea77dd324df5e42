/**
 * French and Spanish chatter the English rules cannot read, as `classify-german.ts` for German:
 * "d'acc", "ça roule", "coucou 👋", "¿comemos juntos hoy?", "t'es un bot ou un humain ?",
 * "déploiement … terminé, RAS", "cierro el incidente, ya se recuperó todo", "faux positif, le hub
 * était fermé", "je pars en congés demain, Javi me remplace pour l'astreinte". French and
 * Spanish reports keep their evidence (`classify-foreign.ts`): each frame stands down where the
 * message says something fails now ("… KO depuis 10h", "sigue caído", "ça plante encore").
 * A few frames explain their own problem word ("rien n'est down, c'est juste pour voir", "zéro
 * downtime", "article sympa sur le consumer lag"): those are read beside English evidence too.
 * Read on the lower-cased text's first 600 characters. Pure.
 */
import type { Message } from "./classify-text.js"

const mention = String.raw`^\s*(?:<[@!][\w|]+>\s*)?`
const trailing = String.raw`[\s!.?,¡¿]*(?:(?:\p{Extended_Pictographic}|[\u{1F3FB}-\u{1F3FF}]|\uFE0F|\u200D)\s*)*$`

/**
 * Acks, short replies, greetings, farewells and praise of the bot, as the whole message: "d'acc",
 * "vu", "noté", "ça marche", "nickel 👌", "de nada", "je regarde", "coucou", "feliz viernes",
 * "bon bot", "¿estás vivo?", Québécois "allô", "bon matin", "tiguidou", "bonne fin de
 * semaine". ("aide", "ayuda" alone ask nothing, as "help" alone.)
 */
const bare = new RegExp(
  `${mention}¿?(?:ok(?:ay)?,? )?(?:oui|ouais|ouep|non|nan|d'acc|d'accord|dac|ok d'acc|vu|noté|c'est noté(?: chef)?|bien noté|bien reçu|reçu|pris|compris|entendu|parfait|super|top|génial|nickel|impec(?:cable)?|ça marche|ca marche|ça roule|ca roule|ça me va|pas de souci|pas de soucis|aucun souci|de rien|avec plaisir|merci(?: beaucoup| bien| à toi| à vous| à tous| bcp)?|je regarde(?: ça)?(?: demain| plus tard| tout de suite| après)?|je m'en occupe|j'y vais|je check|mdr|ptdr|lol|haha|coucou(?: tout le monde| à tous| la team)?|salut(?: tout le monde| à tous| la team)?|bonjour(?: à tous| tout le monde| la team)?|bonsoir(?: à tous)?|bonne journée|bonne soirée|bon week-end|bon weekend|bonne fin de semaine|bonne semaine|bon matin|allô|allo|tiguidou|c'est tiguidou|bon appétit|à demain|à plus|a\\+|bonne nuit|sí|si|vale|claro|perfecto|genial|de nada|gracias(?: a todos| crack)?|muchas gracias|entendido|recibido|hecho|lo (?:miro|reviso|checo)(?: en la tarde| mañana| más tarde| luego| al rato| después)?|saludos(?: desde [\\p{L} ]{2,30})?|me encargo|jaja(?:ja)*|jeje|hola(?: a todos| equipo| chicos)?|buenos días|buenas(?: tardes| noches)?|buen finde|feliz (?:viernes|lunes|finde|navidad|año nuevo)|hasta mañana|hasta luego|dale|sale|listo|órale|orale|chido|qué chido|que chido|qué padre|que padre|qué bueno|que bueno|qué bien|guay|mola|va|va que va|de acuerdo|sin problema|sin problemas|no hay problema|eres (?:un|una) crack|bien hecho(?:,? equipo)?|buen trabajo(?:,? equipo)?|ups|uy|prueba|nada,? olvídalo|olvídalo|olvidalo|ahorita (?:lo )?(?:veo|checo|reviso)|mañana lo (?:vemos|veo|revisamos|miramos)|lo vemos mañana|voy (?:a )?por un café|a comer|vamos a comer|todo en orden|probando(?: 1,? ?2,? ?3| 123)?|eres (?:el|la) mejor(?: bot)?|te debo una|perdón,? te mencioné sin querer|ignora lo anterior|aide|ayuda|(?:bon|gentil|brave|super|mauvais|buen|mal) (?:bot|robot)|(?:bot|robot) (?:bueno|malo)|merci (?:le )?bot|gracias bot|t'es vivant|tu es vivant|t'es là|tu es là|estás vivo|estás ahí|sigues vivo)(?:[\\s,!.]+(?:bot|chef|la team|l'équipe|tout le monde|à tous|equipo|chicos|crack|pues))?${trailing}`,
  "iu",
)

/** What makes French or Spanish talk a report: something failing, missing or wrong now. */
const live =
  /(?<![\p{L}])(?:ko|hs|en panne|plante|plantent|cassée?s?|down|ne (?:marche|fonctionne|répond|charge) (?:plus|pas)|marche plus|n'arrive(?:nt)? plus|erreurs?|échoue(?:nt)?|bloquée?s?|timeouts?|depuis (?:\d|ce matin|tout à l'heure|hier soir|une heure)|en ce moment|encore|toujours|no funciona|no (?:carga|responde|anda)|ca[ií]d[oa]s?|se cay[oó]|falla(?:n|ndo)?|errores|sigue|siguen|todavía|ahora mismo|desde hace|ya no|[45]\d\d)(?![\p{L}])/iu

/** What the writer says is none: "rien de cassé", "rien n'est down", "zéro downtime", "pas d'alerte". */
const noneSaid =
  /(?<![\p{L}])(?:rien (?:de |n'est |n'a )?(?:cassé|down|planté|en panne|grave)|zéro (?:downtime|erreur|incident|alerte)s?|(?:pas|aucune?) d'(?:alerte|erreur|incident|impact)s?|sin (?:errores|incidencias|alertas|impacto)|nada (?:caído|roto)|(?<![\p{L}\d.,])(?:0|cero) (?:errores|fallos|fallidos|pendientes|rechazados|incidencias|alertas)|(?:está|están) ca[ií]d[oa]s? (?:a propósito|adrede)|(?:los )?errores(?: [^\n,]{1,40})? son (?:esperados|normales|conocidos)|ya no (?:la|lo|las|los) soportamos)(?![\p{L}])/giu

interface Frame {
  readonly name: string
  readonly pattern: RegExp
  /** Whether the frame explains its own problem word, so it holds beside English evidence. */
  readonly own?: boolean
}

const frames: ReadonlyArray<Frame> = [
  // "t'es un bot ou un humain ?", "tu parles espagnol aussi ?", "pourquoi t'as pas répondu
  // tout à l'heure ?", "est-ce que tu as accès aux logs de staging ?", "¿hablas francés?",
  // "quelle est la meilleure façon de te demander un résumé ?"
  {
    name: "talk with the bot",
    pattern:
      /^\s*(?:<[@!][\w|]+>\s*)?¿?(?:t'es|tu es|eres) (?:un |una )?(?:bot|robot|humain|humano|ia|ai)(?![\p{L}])|^\s*(?:<[@!][\w|]+>\s*)?¿?(?:tu parles|vous parlez|parles-tu|hablas|habláis) [\p{L}]{3,20}(?: aussi| también)?\s*\?|\bquelle est la (?:meilleure|bonne) (?:façon|manière) de te (?:demander|parler|poser)\b|\bpourquoi (?:t'as|tu as|tu n'as) pas répondu\b|\bpor qué no (?:has )?respond|(?<![\p{L}])(?:est-ce que )?(?:tu as|t'as|as-tu|tienes) acc[eè]s (?:aux?|à|a los?|a las?)(?![\p{L}])|\btu peux me (?:faire|donner|écrire) un (?:résumé|récap|point)(?![\p{L}])|\bme (?:puedes|podrías) (?:hacer|dar) un resumen\b|^\s*(?:<[@!][\w|]+>\s*)?¿?(?:me haces|hazme) un resumen(?![\p{L}])|^\s*(?:<[@!][\w|]+>\s*)?¿?(?:quién te (?:hizo|creó|programó|entrenó|construyó)|cómo te (?:uso|usamos|configuro|llamo|invoco|activo)|qué (?:sabes|puedes) hacer|(?:cuéntame|dime|cuéntanos) (?:un )?chiste|(?:se te puede|te puedo|puedo) (?:silenciar|mutear|callar|apagar))(?![\p{L}])/iu,
  },
  // "quelqu'un veut un café ?", "¿comemos juntos hoy?", "qui vient déjeuner ?"
  {
    name: "an invitation",
    pattern:
      /\bquelqu'un (?:veut|est chaud pour|vient) (?:un |une |des |prendre |boire )?(?:café|déj|déjeuner|dej|pizza|verre|bière|apéro|crêpe)|\bqui (?:vient|est chaud|veut) (?:pour )?(?:déjeuner|manger|un café|un verre|l'apéro)(?![\p{L}])|¿?(?:comemos|cenamos|tomamos (?:un )?(?:café|algo|cañas?)|vamos a (?:comer|tomar))(?![\p{L}])[^?\n]{0,30}\?/iu,
  },
  // "je pars en congés demain, Javi me remplace pour l'astreinte", "je suis d'astreinte ce
  // week-end, Marta prend le relais lundi", "estoy de guardia esta semana"
  {
    name: "on-call or time off",
    pattern:
      /(?<![\p{L}])(?:je pars en (?:congés?|vacances)|je suis (?:en congés?|en vacances|malade|off)|\p{L}+ me remplace|prend le relais|(?:je suis|suis) d'astreinte (?:ce|cette|demain|jusqu)|estoy de (?:vacaciones|guardia (?:esta|este|hasta|mañana))|me cubre|(?:te |le )?paso la guardia|(?:es|será) (?:día )?festivo|hay puente|me voy a (?:comer|almorzar|desayunar|cenar)|vuelvo en \d{1,2} ?(?:h|hr|min|mins|minutos|horas?))(?![\p{L}])/iu,
  },
  // "daily décalée à 10h15 aujourd'hui", "la réunion est annulée", "on passe à Postgres 16 le mois
  // prochain, des avis ?", "heads up: on va redémarrer les brokers kafka de staging à 15h"
  {
    name: "a plan",
    pattern:
      /(?<![\p{L}])(?:daily|réunion|standup|stand-up|point|rétro|démo|reunión|dailies) (?:est |de \d+h )?(?:décalée?|reportée?|annulée?|avancée?|movida|cancelada|aplazada)(?![\p{L}])|\bon passe (?:à|sur) [^\n]{1,40}(?<![\p{L}])(?:le mois prochain|la semaine prochaine|l'an prochain|bientôt|en (?:janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre))(?![\p{L}])|\bon va (?:redémarrer|migrer|mettre à jour|upgrader|couper|basculer|déployer)(?![\p{L}])[^\n]{0,80}(?<![\p{L}])à \d{1,2}h|\bvamos a (?:reiniciar|migrar|actualizar|desplegar)(?![\p{L}])[^\n]{0,80}\ba las \d|^\s*(?:<[@!][\w|]+>\s*)?(?:planning|planificación|roadmap) (?:q[1-4]|20\d\d|del (?:trimestre|año))(?![\p{L}])|¿(?:movemos|migramos|pasamos|cambiamos)(?![\p{L}])[^?\n]{0,80}\?|(?<![\p{L}])(?:escalamos|escalé|subimos|aumentamos|duplicamos)(?![\p{L}])[^\n]{0,60}(?<![\p{L}])(?:de antemano|por si acaso|preventivamente)(?![\p{L}])/iu,
  },
  // "hypothèse : si Adyen tombe, on bascule sur Stripe automatiquement ou c'est manuel ?"
  {
    name: "a problem supposed, not seen",
    pattern:
      /^\s*(?:<[@!][\w|]+>\s*)?(?:hypothèse|hypothétiquement|en théorie|imaginons|supposons|hipótesis|hipotéticamente|supongamos|imaginemos)(?![\p{L}])|\bqu'est-ce qu'on fait si\b|\bque (?:pasa|hacemos) si\b|(?<![\p{L}])qué pasaría si(?![\p{L}])|(?<![\p{L}])si (?:[^\n?]{1,40} )?vuelve a [^\n?]{1,60}¿(?:tenemos|hay|qué|cómo|dónde|quién|a quién)(?![\p{L}])|(?<![\p{L}])¿?qué (?:harías|haríamos|hacemos|hago|haces|hacemos) si(?![\p{L}])/iu,
    own: true,
  },
  // "c'était quoi la cause de la panne de lundi déjà ?", "el error de ayer en pagos fue por el
  // certificado, ya está documentado", "l'alerte redis de la semaine dernière c'était un faux positif"
  {
    name: "the past talked about",
    pattern:
      /(?<![\p{L}])(?:de|d') ?(?:hier|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|la semaine dernière|le mois dernier|ayer|anoche|la semana pasada|el lunes|el martes|el miércoles|el jueves|el viernes)(?![\p{L}])[^\n]{0,60}(?<![\p{L}])(?:c'était|était|a été|fue|era|fueron)(?![\p{L}])|\bc'était quoi la cause\b|\bcuál fue la causa\b/iu,
    own: true,
  },
  // "faux positif, le hub était fermé", "c'était moi, j'ai redémarré le pod à la main, désolé pour
  // le bruit", "désolé, mauvais channel", "falso positivo", "perdón, canal equivocado"
  {
    name: "a false alarm or the writer's own doing",
    pattern:
      /(?<![\p{L}])(?:faux positif|falso positivo|c'était moi|c'est moi qui|fui yo|désolé pour le bruit|perdón por el ruido|mauvais (?:channel|canal|chan)|canal equivocado|je teste juste|c'est juste pour (?:voir|tester)|solo (?:estoy )?probando|falsa alarma|era (?:mi|la|el) (?:vpn|wifi|red|internet|laptop|compu|navegador|caché|cache)|era del lado de ellos|a propósito|adrede|son esperad[oa]s|es esperad[oa]|ya no (?:la|lo|las|los) soportamos)(?![\p{L}])/iu,
    own: true,
  },
  // "on peut baisser le seuil de l'alerte rabbit ? elle sonne pour rien le dimanche"
  {
    name: "alert tuning",
    pattern:
      /(?<![\p{L}])(?:baisser|monter|augmenter|relever|changer|ajuster|subir|bajar|ajustar) (?:le |el |un poco el )?(?:seuil|umbral)(?![\p{L}])|(?<![\p{L}])(?:sonne|sonnent|salta|saltan) pour rien\b|\bnouveau seuil\b[^\n]{0,80}(?<![\p{L}])(?:a l'air bien|marche bien|pas d'alerte)(?![\p{L}])/iu,
    own: true,
  },
  // "tout est revenu 👍", "c'est bon maintenant", "todo verde en Madrid", "déploiement …
  // terminé, RAS", "cierro el incidente, ya se recuperó todo", "ok je ferme le ticket", "RAS cette
  // nuit, tout est vert"
  {
    name: "all clear",
    pattern:
      /^\s*(?:<[@!][\w|]+>\s*)?(?:ok |bon |bon ben )?(?:tout est (?:revenu|rentré dans l'ordre|ok|bon|vert)|c'est (?:bon|réglé|résolu|ok) (?:maintenant|là|depuis)|todo (?:verde|ok|bien|funciona)|ya (?:está|funciona|va))(?![\p{L}])|\bterminée?,? (?:ras|rien à signaler|sans erreur|nickel)(?![\p{L}])|(?<![\p{L}])(?:je ferme|on ferme|cierro|cerramos) (?:le ticket|l'incident|el incidente|el ticket)(?![\p{L}])|\bya se (?:recuperó|arregló|solucionó|resolvió)(?![\p{L}])|(?<![\p{L}])todo tranquilo(?![\p{L}])|(?<![\p{L}])cero (?:pages|alertas|incidentes|incidencias)(?![\p{L}])|(?<![\p{L}])ya (?:está|están|esta) (?:fluyendo|funcionando|operando) normal(?:mente)?(?![\p{L}])|\brien à signaler\b|(?<![\p{L}])todo (?:healthy|en orden|correcto|verde)(?![\p{L}])|(?<![\p{L}])(?:completada|completado|terminada|terminado|finalizada|finalizado|resumen diario)(?![\p{L}])[^\n]{0,80}(?<![\p{L}\d.,])(?:0|cero) (?:errores|pendientes|fallos|fallidos|rechazados)(?![\p{L}])|^\s*(?:<[@!][\w|]+>\s*)?ras (?:cette nuit|ce matin|cet après-midi|aujourd'hui|ce week-end|de mon côté|de notre côté)(?![\p{L}])/iu,
  },
  // "la prueba de carga en staging salió bien, p99 < 500ms": its numbers are the success's.
  {
    name: "a success told",
    pattern:
      /(?<![\p{L}])(?:salió|salieron|ha salido|ha ido|fue|quedó|pasó|pasaron) (?:bien|perfecto|de lujo|sin errores|ok)(?![\p{L}])/iu,
    own: true,
  },
  // "charla de Grafana alerting a las 13h CDMX, todos invitados": the talk's topic, no problem.
  {
    name: "an invitation to a talk",
    pattern:
      /(?<![\p{L}])(?:charla|taller|webinar|meetup|sesión|presentación|demo)(?![\p{L}])[^\n]{0,100}(?<![\p{L}])(?:tod[oa]s invitad[oa]s|están invitad[oa]s|estáis invitad[oa]s|apúntense|apuntaos|l[oa]s esperamos|os esperamos)(?![\p{L}])/iu,
    own: true,
  },
  // "lo de 'Pepe está down' era que tiene gripe, no un servicio jaja": a word's meaning told.
  {
    name: "a word's meaning",
    pattern:
      /(?<![\p{L}])(?:lo de|cuando dije|cuando dijo|eso de) ['"‘“][^'"’”\n]{1,40}['"’”] (?:era|significa|significaba|quería decir|quiere decir)(?![\p{L}])/iu,
    own: true,
  },
  // "bravo à tous pour le Black Friday, zéro downtime", "la latence est top depuis la migration"
  {
    name: "praise",
    pattern:
      /^\s*(?:<[@!][\w|]+>\s*)?(?:bravo|félicitations|chapeau|enhorabuena|felicidades|buen trabajo|bien joué)(?![\p{L}])|\best (?:top|nickel|au top|géniale?) depuis\b/iu,
    own: true,
  },
  // "article sympa sur le consumer lag kafka si ça intéresse qqn : https://…"
  {
    name: "something shared to read",
    pattern:
      /(?<![\p{L}])(?:article|post|lecture|thread|vidéo|artículo|hilo)(?![\p{L}])[^\n]{0,20}(?<![\p{L}])(?:sympa|intéressante?|à lire|cool|top|interesante|chulo)(?![\p{L}])[^\n]{0,80}(?:_url_|https?:\/\/)|\bsi ça intéresse\b|(?<![\p{L}])(?:les|os|te) (?:comparto|dejo|paso)(?![\p{L}])[^\n]{0,80}(?:_url_|https?:\/\/)|(?<![\p{L}])vale la pena(?![\p{L}])[^\n]{0,60}(?:_url_|https?:\/\/)/iu,
    own: true,
  },
  // "combien d'alertes on a eu cette semaine ?", "c'est quoi la différence entre P2 et P3 ?",
  // "cliente preguntó si aceptamos Bizum, ¿está en el roadmap?" (the product's plans asked)
  {
    name: "a question that reports nothing",
    pattern:
      /\bcombien d'(?:alertes|incidents|pages)(?![\p{L}])[^?\n]{0,40}\?|\bcuánt[oa]s (?:alertas|incidencias|incidentes|pages|caídas)(?![\p{L}])[^?\n]{0,40}\?|\bc'est quoi la différence entre\b|\bquelle est la différence entre\b|\bcuál es la diferencia entre\b|(?<![\p{L}])cuál es (?:la|el) (?:política|proceso|procedimiento|criterio|regla|runbook)(?![\p{L}])|(?<![\p{L}])(?:me agregas|me añades|me sumas|me metes|agrégame|añádeme|me quitas) (?:a|de) (?:la |el )?(?:rotación|guardia|canal|grupo|lista)(?![\p{L}])|¿?(?:tenemos|hay|existe) (?:una |alguna )?alerta (?:para|de|que)(?![\p{L}])[^?\n]{0,80}(?:o la creo|o la hago|o la armo|o la configuro|o la agrego)|(?:está|esta|estará|entra|va a estar) en el roadmap(?![\p{L}])[^?\n]{0,20}\?|¿(?:cuánto tiempo (?:guardas|se guarda|guardan)|cómo (?:configuro|te configuro|te silencio|silencio)|me recuerdas (?:qué|cómo|cuál|para qué))(?![\p{L}])/iu,
  },
  // "le café de la machine du 3e est vraiment down 😭": the coffee machine is no system.
  {
    name: "a problem of no system",
    pattern:
      /^\s*(?:<[@!][\w|]+>\s*)?(?:le café|la machine à café|la cafetière|la machine du|la cafetera|la máquina de café)(?![\p{L}])/iu,
    own: true,
  },
]

/** "si Conekta vuelve a tener timeouts en quincena, ¿": a failure supposed to come back. */
const supposedAgain = /(?<![\p{L}])si (?:[^\n?]{1,40} )?vuelve a [^\n?]{1,60}¿/giu

const quotedSpans = /['"‘“«][^'"’”“»\n]{1,40}['"’”“»]/g

/** A French or Spanish word every frame's text holds, so English messages skip the frames cheaply. */
const mark =
  /(?:^|[^\p{L}])¿?(?:je|j'|tu|t'es|on|le|la|les|un|une|des|de|du|est|c'est|qui|quoi|pour|avec|sur|el|los|las|es|por|que|está|ya|todo|si|ça|tout|bravo|article|hypothèse|combien|faux|désolé|ok|à|au|aux|hoy|comemos|vamos|daily|heads|cierro|hola|hablas|parles|me|falsa|era|cero|eres|quién|cómo|qué|que|cuál|cuántos|cuántas|cuéntame|dime|se|paso|planning|ojo|hay|tenemos|perdón|lo|les|os|en|resumen|publicación|completada|completado)(?![\p{L}])/iu

/** The French or Spanish chatter a message is, or null. `strongEvidence`: evidence of a problem found. */
export const frenchSpanishChatter = (message: Message, strongEvidence: boolean): string | null => {
  const text = message.text.slice(0, 600)
  if (!strongEvidence && bare.test(text)) return "a French or Spanish ack or greeting"
  if (!mark.test(text)) return null
  const unquoted = text.replace(quotedSpans, " ")
  for (const frame of frames) {
    if (!frame.pattern.test(text)) continue
    if (strongEvidence && frame.own !== true) return null
    // (the coffee machine's "down" is the machine's own)
    if (frame.name === "a problem of no system")
      return live.test(unquoted.replace(/(?<![\p{L}])down(?![\p{L}])/gu, " ")) ? null : frame.name
    // ("rien de cassé", "zéro downtime": none said, no failure; "si X vuelve a tener timeouts…
    // ¿tenemos fallback?": the failure supposed.)
    const said = unquoted.replace(noneSaid, " ").replace(supposedAgain, " ")
    return live.test(said) ? null : frame.name
  }
  return null
}
