/**
 * Reads InvokeAgentRuntime's streaming response body with a byte cap: chunks are counted as
 * they arrive and the stream is destroyed as soon as the cap is passed, so a runaway agent (a
 * 10 MB answer, an endless event stream) costs at most the cap in memory. Interruption (the
 * deadline) destroys the stream too. The SDK types the body as a union of Node and browser
 * stream types; we only need "async-iterable of bytes", with `transformToString` as a fallback.
 */

export type BodyRead =
  | { readonly _tag: "Complete"; readonly text: string }
  | { readonly _tag: "TooLarge"; readonly bytesRead: number }

const isAsyncIterable = (x: unknown): x is AsyncIterable<unknown> =>
  typeof x === "object" && x !== null && Symbol.asyncIterator in x

const hasTransformToString = (x: unknown): x is { transformToString: () => Promise<string> } =>
  typeof x === "object" && x !== null && "transformToString" in x && typeof x.transformToString === "function"

const destroy = (x: unknown): void => {
  if (typeof x === "object" && x !== null && "destroy" in x && typeof x.destroy === "function") {
    x.destroy()
  }
}

const toBytes = (chunk: unknown): Uint8Array => {
  if (chunk instanceof Uint8Array) return chunk
  if (typeof chunk === "string") return Buffer.from(chunk, "utf8")
  throw new TypeError(`unexpected body chunk of type ${typeof chunk}`)
}

export const readBounded = async (
  body: unknown,
  maxBytes: number,
  signal: AbortSignal,
): Promise<BodyRead> => {
  if (body === undefined || body === null) return { _tag: "Complete", text: "" }
  if (!isAsyncIterable(body)) {
    if (!hasTransformToString(body)) throw new TypeError("the response body is not a stream")
    const text = await body.transformToString()
    const bytes = Buffer.byteLength(text, "utf8")
    return bytes > maxBytes ? { _tag: "TooLarge", bytesRead: bytes } : { _tag: "Complete", text }
  }
  const onAbort = () => destroy(body)
  signal.addEventListener("abort", onAbort, { once: true })
  try {
    const chunks: Array<Uint8Array> = []
    let total = 0
    for await (const chunk of body) {
      const bytes = toBytes(chunk)
      total += bytes.byteLength
      if (total > maxBytes) {
        destroy(body)
        return { _tag: "TooLarge", bytesRead: total }
      }
      chunks.push(bytes)
    }
    return { _tag: "Complete", text: Buffer.concat(chunks).toString("utf8") }
  } finally {
    signal.removeEventListener("abort", onAbort)
  }
}
