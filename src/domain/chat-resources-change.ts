/**
 * A workload's resources changed, as a person or a GitOps bot announces it: "rightsizing the
 * reminders namespace", "lowered the memory limit of X to 384Mi", "resources.limits.memory 1Gi ->
 * 384Mi", "requests/limits tuned", "values change". A lower memory limit is the change behind an
 * OOM kill, a lower CPU limit behind throttling — with no new image, so no deploy words. Pure.
 */

// What was resized: a limit, a request, the resources block, or a rightsizing exercise itself.
const resourcesNoun =
  /\b(?:right-?siz\w*|(?:memory|mem|cpu)[ _.-]?(?:limits?|requests?)|(?:limits?|requests?)[ _.-]?(?:memory|mem|cpu)|resources\.(?:limits|requests)|requests\s*\/\s*limits|limits\s*\/\s*requests|(?:resource|container) limits?|values (?:change|diff|only))\b/i
// That it moved: a verb, or an arrow between two values.
const moved =
  /\b(?:right-?siz\w*|lower\w*|reduc\w*|rais\w*|increas\w*|decreas\w*|tun\w*|cut|dropp\w*|bump\w*|chang\w*|set|updat\w*|appl\w*|diff|synced)\b|(?:→|->|=>)/i

/** Whether `text` announces a change of a workload's resources (see the module header). */
export const resourcesChanged = (text: string): boolean => resourcesNoun.test(text) && moved.test(text)
