/**
 * Problem reports in the other languages on-call channels are written in: the gate reads English
 * grammar, so a Spanish "el checkout está caído" or a Japanese "決済APIでタイムアウトが多発"
 * had no evidence at all and was investigated only by default — and a thank-you in the same
 * languages could never be told from it. These are the common ways to say something is down,
 * failing, slow or erroring in es, pt, fr, de, it, nl and ja: a broken function or an outage is
 * strong, a bare error or slowness word weak (as their English counterparts); words English
 * shares ("error", "timeout") are left to the English rules. Japanese has no spaces, so it is
 * matched in the text. Pure.
 */
import type { Evidence } from "./classify-grammar.js"
import type { Message } from "./classify-text.js"

const strong =
  /\b(?:no (?:funciona|carga|responde|anda|conecta|llegan?|sale|salen)|est[aá]n? ca[ií]d[oa]s?|se (?:cay[oó]|cayeron)|n[aã]o (?:funciona|carrega|abre|responde|conecta|chega|chegam|sai|saem)|fora do ar|caiu|travou|travad[oa]s?|ne (?:fonctionne|marche|charge|répond|part|partent|passe|passent)(?: plus| pas)|n'arrivent plus|n'arrive plus|en panne|hors service|(?:funktioniert|geht|lädt|läuft) (?:nicht|nichts)|nicht (?:mehr )?erreichbar|ausgefallen|kaputt|non (?:funziona|carica|risponde|invia|arriva|arrivano|parte|partono)|(?:è|sono) giù|werkt niet|doet het niet|ligt plat|platgelegd|bloquead[oa]s|bloqu[ée]e?s|bloccat[oi])(?![\p{L}])/iu
const weak =
  /\b(?:errores|erros?|erreurs?|fehlern?|errori|errore|fouten?|fallan?|falhando|falha|échouent|échoue|schlägt fehl|fallisce|lentísim[oa]|muy lent[oa]|muito lent[oa]|tr[eè]s lent|sehr langsam|langsam|molto lent[oa]|traag|retard|atraso|retraso|hängt|storing|ausfall|störung)(?![\p{L}])/iu
const japanese =
  /エラー|障害|落ちて|落ちた|遅い|遅延|遅く|タイムアウト|できません|できない|繋がら|つながら|失敗|ダウン|停止|不具合|応答がない|表示されない/

/** Where the match starts, in tokens: as many word runs as come before it. */
const tokenAt = (text: string, offset: number): number =>
  text.slice(0, offset).match(/[\p{L}\p{N}_]+/gu)?.length ?? 0

/** Evidence of a problem stated in another language (none for English text). */
export const foreignReports = (message: Message): ReadonlyArray<Evidence> => {
  const text = message.text.slice(0, 4_000)
  const found: Array<Evidence> = []
  const add = (m: RegExpExecArray | null, isStrong: boolean) => {
    if (m !== null)
      found.push({ reason: `problem report: '${m[0]}'`, at: tokenAt(text, m.index), strong: isStrong })
  }
  add(strong.exec(text), true)
  add(weak.exec(text), false)
  add(japanese.exec(text), false)
  return found
}
