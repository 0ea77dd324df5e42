/**
 * A secret a task or function could not fetch at start: ECS's "ResourceInitializationError: unable
 * to pull secrets or registry auth: … unable to retrieve secret from asm: … failed to fetch secret
 * arn:aws:secretsmanager:…:secret:<name> from secrets manager: ResourceNotFoundException", its SSM
 * kin ("invalid ssm parameters: /prod/app/db-url", ParameterNotFound), an app's own GetSecretValue
 * refused. The secret does not exist or the role may not read it: a configuration failure, deeper
 * than whatever the words around it look like (Secrets Manager's ResourceNotFoundException is not
 * a name that does not resolve, its AccessDeniedException not a credential a server refused). The
 * words are matched in lower case (causes-modes.ts, causes-labels.ts). Pure.
 */

// A Secrets Manager or SSM exception, named as AWS spells it (the text it is read from is lower case).
const exceptions: ReadonlyArray<readonly [RegExp, string]> = [
  [/resourcenotfoundexception|can'?t find the specified secret/, "ResourceNotFoundException"],
  [
    /accessdeniedexception|not authorized to perform:? secretsmanager:getsecretvalue/,
    "AccessDeniedException",
  ],
  [/decryptionfailure|kms[\w.]*:? ?access ?denied/, "DecryptionFailure (KMS)"],
  [/parameternotfound|invalid ssm parameters?|ssm parameter[^\n]{0,80}not found/, "ParameterNotFound"],
]

const secretsManager = /secrets ?manager|secretsmanager|\basm\b|getsecretvalue/
const parameterStore = /\bssm\b|parameter ?store|parameternotfound/

/**
 * The words of a secret that could not be fetched, in lower case: the ECS agent's own, or a
 * Secrets Manager / SSM exception on a line that names the store.
 */
export const secretFetchFailed =
  /unable to (?:retrieve|pull|fetch) secrets?\b|failed to fetch secret|can'?t find the specified secret|parameternotfound|invalid ssm parameters?|ssm parameter[^\n]{0,80}not found|(?:secrets ?manager|secretsmanager|\basm\b|getsecretvalue)[^\n]{0,300}(?:resourcenotfoundexception|accessdeniedexception|decryptionfailure)|(?:resourcenotfoundexception|accessdeniedexception|decryptionfailure)[^\n]{0,200}(?:secrets ?manager|secretsmanager|getsecretvalue)/

// The secret's name: from its ARN (`:secret:<name>`, which AWS ends in -<6 random characters>),
// a `secretId`, or the SSM parameter's path.
const secretArn = /:secretsmanager:[a-z0-9-]{1,30}:\d{12}:secret:([a-z0-9/_+=.@-]{1,512})/
const secretId = /secret_?id["'=:\s]{1,6}([a-z0-9/_+=.@:-]{1,512})/
const parameterPath =
  /(?:parameters?:?\s{0,3}|parameter\/)(\/?[a-z0-9_.-]{1,200}(?:\/[a-z0-9_.-]{1,200}){1,10})/

/**
 * "secret missing or unreadable (Secrets Manager ResourceNotFoundException: prod/api/key-AbC123)"
 * for a line `secretFetchFailed` matches (lower case, as the label's evidence is read), else null.
 */
export const secretFailureLabel = (text: string): string | null => {
  if (!secretFetchFailed.test(text)) return null
  const store = secretsManager.test(text)
    ? "Secrets Manager"
    : parameterStore.test(text)
      ? "SSM"
      : "secret store"
  const exception = exceptions.find(([p]) => p.test(text))?.[1]
  const name = (secretArn.exec(text) ?? secretId.exec(text) ?? parameterPath.exec(text))?.[1]
  const what = [store, ...(exception === undefined ? [] : [exception])].join(" ")
  return `secret missing or unreadable (${what}${name === undefined ? "" : `: ${name}`})`
}
