/**
 * The classifier's vocabulary, as data. Words are canonical tokens (lower case, contractions
 * expanded, multi-word terms merged with `_`, see classify-text.ts). The rules that use them
 * are structural (subject + problem predicate, thanks + object, …); these sets only say which
 * word plays which part, so growing the vocabulary never needs a new rule.
 */

/** A set from a whitespace-separated list (keeps long vocabularies readable). */
export const words = (s: string): ReadonlySet<string> => new Set(s.split(/\s+/).filter((w) => w.length > 0))

/** Multi-word terms read as one token ("timing out" → "timing_out"). Longest match wins. */
const mergeTable = `
  timing out | times out | time out                                  => timing_out
  timed out                                                          => timed_out
  backed up | backing up | piling up | stacking up                   => backed_up
  filling up                                                         => filling_up
  acting up | acting weird | acting strange                          => acting_up
  blowing up | blew up | falling over | fell over | falling apart    => falling_over
  went down | going down | goes down | gone down | melting down      => went_down
  crash looping | crash loop | crashloop backoff                     => crashlooping
  reboot loop | reboot loops | boot loop | boot loops | bootloop | bootloops | boot looping => crashlooping
  in crashloopbackoff                                                => crashloopbackoff
  on fire                                                            => on_fire
  out of memory                                                      => oom
  out of disk | out of space | no space left                         => disk_full
  erroring out                                                       => erroring
  error rate | error rates | failure rate                            => error_rate
  response time | response times                                     => latency
  through the roof                                                   => through_the_roof
  no longer                                                          => no_longer
  back to normal                                                     => back_to_normal
  back up | back online | up again                                   => back_up
  all good | all fine | all ok | all well                            => all_good
  all clear | all green | all quiet                                  => all_clear
  false alarm | false positive | false alert                         => false_alarm
  tudo certo | tudo ok | todo bien | todo ok | tout va bien | tout est ok | alles gut | alles ok => all_good
  alles in ordnung | tutto ok | tutto bene | tutto liscio | tutto a posto | alles goed     => all_good
  voltaram ao normal | voltou ao normal | volvió a la normalidad | vuelve a funcionar     => back_to_normal
  de nuevo funciona | rentré dans l'ordre | revenu à la normale | wieder normal           => back_to_normal
  im grünen bereich | tornato normale                                                    => back_to_normal
  stand down | standing down | stood down                            => stand_down
  never mind                                                         => nevermind
  take a look | have a look | took a look | taking a look            => take_a_look
  bad gateway                                                        => bad_gateway
  gateway timeout                                                    => gateway_timeout
  service unavailable                                                => service_unavailable
  internal server error                                              => internal_server_error
  connection refused | connections refused                           => connection_refused
  connection reset | connections reset                               => connection_reset
  too many connections                                               => too_many_connections
  too many open files                                                => too_many_open_files
  no healthy upstream                                                => no_healthy_upstream
  no route to host                                                   => no_route_to_host
  packet loss                                                        => packet_loss
  memory leak                                                        => memory_leak
  data loss                                                          => data_loss
  split brain                                                        => split_brain
  disk pressure | memory pressure                                    => disk_pressure
  back off                                                           => backoff
  rolled back | rolling back                                         => rolled_back
  went away | gone away                                              => went_away
  root cause                                                         => root_cause
  look into | dig into | looking at why                              => look_into
  hanging out                                                        => hanging_out
  heads up                                                           => heads_up
  any idea | any ideas | any clue                                    => any_idea
  anyone else | anybody else | is it just me                         => anyone_else
  what is going on | what is happening | what happened | what broke  => what_is_going_on
  dead letter                                                        => dlq
  load test | load testing                                           => load_test
  pen test | pen testing | penetration test | penetration testing | pentesting => pentest
  was me | my bad | my fault | our bad                               => was_me
  a bit | a little | kind of | sort of                               => a_bit
  crisis averted                                                     => crisis_averted
  dropping out | dropped out | drops out | fell out                   => dropped_out
  taking forever | takes forever | taking ages | takes ages          => taking_forever
  keep an eye on | keeping an eye on | keep an eye | keep an eye out => keep_an_eye
  white page | blank page | white screen | blank screen | white screen of death => blank_page
  game day | gameday                                                 => game_day
  on purpose                                                         => on_purpose
  next time                                                          => next_time
  post mortem | post-mortem                                          => post_mortem
  post incident | incident review | post incident review             => post_mortem
  action item | action items                                         => action_item
  lessons learned | lesson learned | writing it up | write it up | writing up => post_mortem
  self healed | self-healed | auto resolved | auto-resolved | autoresolved => recovered
  were me | was just me | were just me                                => was_me
  nothing broken | nothing is broken                                  => all_good
  spins forever | spinning forever | loads forever | loading forever | hangs forever => taking_forever
  error budget | error budgets                                       => error_budget
  all hands | all-hands | happy hour | team lunch                    => all_hands
  known issue | known issues | known problem | known flake | known flaky test => known_issue
  from my local | on my machine | my local proxy | my local setup     => was_me
  is mine | was mine | that one is mine | i was testing | i was just testing | was just testing => was_me
  user error | customer error | human error | operator error         => was_me
  end up | ended up | ends up                                        => ended_up
  is known | are known                                               => known_issue
  incident timeline | the timeline for the incident                  => post_mortem
  dr test | dr drill | failover test | disaster recovery test | dr exercise | outage sim | outage simulation => drill
  check it out                                                       => check_it_out
  that did it | that did the trick | that fixed it | that worked     => nevermind
  follow up | follow-up                                              => followup
  already deleted it | already removed it                            => stand_down
  not blocking anything | not blocking                               => stand_down
  no need to look | no need to check | no need to investigate | no action needed | nothing to do => stand_down
  nothing for us to do | nothing we can do | nothing to do on our side                          => stand_down
  no need to dig | do not worry about | don't worry about | no need to worry                    => stand_down
  not an incident | not a real incident | not incident worthy | not a real alert | not a real page => stand_down
  not an outage | not a real outage | not a live issue | not a real issue | not a live problem | legit traffic | legitimate traffic | agreed in advance => stand_down
  no action required | no action is required | no action is needed | requires no action | require no action                             => stand_down
  fun fact | random fact                                             => til
  does nothing | do nothing | did nothing | nothing happens | nothing happened | doing nothing => does_nothing
  dropped off a cliff | fell off a cliff | off a cliff | went through the floor                  => tanked
  my mistake | our mistake | scratch that                            => was_me
  returns zero results | returning zero results | returns no results | returning no results | returns nothing | returning nothing | shows nothing | showing nothing => returns_nothing
  nothing to see here | nothing to worry about | nothing to see      => stand_down
  was just my | were just my                                         => was_me
  i am testing | we are testing | i am just testing | testing the new | tabletop exercise | tabletop => drill
  test run | test runs | dry run                                     => drill
  that was a test | was a test page | was a test alert | was a test notification => was_me
  nothing needed from us | nothing needed on our side | nothing needed from our side => stand_down
  no impact on systems | no impact on prod | not a prod thing | not a prod issue | local only | nothing to action | no infra changes needed | no infra change needed | not a systems issue => stand_down
  please do not investigate | do not investigate | already have an incident open | already have an incident | already tracked in | not prod => stand_down
  verified the fix | fix verified | fix is verified | verified the fix in prod => fixed
  keeps spinning                                                     => taking_forever
  bucketing down | bucketing it down | pissing down | chucking it down | tipping down | lashing down | pelting down | teeming down => raining
  keeps losing | keep losing | keeps dropping the | keep dropping the | keeps dropping my | keep dropping my => dropped_out
  growing fast | growing quickly | climbing fast | filling fast      => filling_up
  scan as invalid | scans as invalid | show as invalid | shows as invalid | come back as invalid | comes back as invalid | marked as invalid | flagged as invalid => invalid_result
  backlog is processed | backlog processed | backlog is cleared | backlog cleared | backlog is drained => drained
  todo funciona bien | todo funciona | tudo funcionando | tudo funciona | tout fonctionne | alles funktioniert | alles läuft => all_good
  no connection | no network connection | connection lost | lost connection => no_connection
  no connection issues | no connection problems | no connection errors => all_good
  already being handled | being handled by | keeping you in the loop | just keeping you in the loop => stand_down
  caught up | fully caught up | has caught up | have caught up       => recovered
  no need for you | do not need you | no need for the bot | not needed here => stand_down
  läuft wieder | funktioniert wieder | funciona de nuevo | funciona otra vez | ya funciona | marche à nouveau | fonctionne à nouveau | funziona di nuovo | voltou a funcionar | werkt weer => back_to_normal
  downgrading to monitoring | downgraded to monitoring | moving to monitoring | moved to monitoring => recovered
  on the backlog | to the backlog | in the backlog | into the backlog | on our backlog | to our backlog | in our backlog | product backlog | sprint backlog => work_backlog
  slow to respond | slow to reply | slower to respond | slower to reply | slow to answer => slow_to_respond
  torn down | tearing down | tear down | being decommissioned          => teardown
  known flaky | a known flake                                        => known_issue
  closing out the incident | closing the incident | closed the incident | closing out this incident | closing this incident => fixed
  someone else's | somebody else's | another customer's | another tenant's | another user's | other customers' | other tenants' | cross-tenant | cross tenant | wrong customer's => cross_tenant
  guest wifi | public wifi | customer wifi | store wifi | in-flight wifi | inflight wifi | onboard wifi | passenger wifi | hotel wifi => guest_wifi
  note to self | reminder to self | reminder for myself | note for myself | reminder for me => note_to_self
  correct again | accurate again | in sync again | back in sync | right again => back_to_normal
  we are all set | all set now | you are all set => all_good
  nothing else pending | nothing pending | nothing outstanding | nothing else outstanding | nothing left open => all_good
  was the test rule | was a test rule | was my test rule | was my test | test rule i created => was_me
  going off shift | off shift now | signing off shift => handover
  same incident as | duplicate of | a dupe of | already handled | no real issue | not a real issue | no actual issue => stand_down
  resolved itself | fixed itself | sorted itself out | cleared itself | went away on its own => recovered
  expected behavior | expected behaviour | working as intended | works as intended | working as designed | by design => known_issue
  nothing is actually down | nothing is actually broken | nothing is really down => all_good
  feature request | feature idea                                     => feature_request
  not real users | not real traffic | not real customers | not real user traffic | synthetic traffic => was_me
  in case                                                            => in_case
  from now on | going forward                                        => henceforth
  found it | figured it out | never mind found it                    => found_it
  on call | on-call                                                  => on_call
  end of shift | end of my shift | shift summary | shift report      => handover
  change freeze | deploy freeze | deployment freeze | code freeze | release freeze | frozen for changes | frozen for deploys | frozen for releases => change_freeze
  out of office                                                      => ooo
`

export const merges: ReadonlyArray<readonly [string, string]> = mergeTable.split("\n").flatMap((line) => {
  const [forms = "", target = ""] = line.split("=>").map((part) => part.trim())
  return target === "" ? [] : forms.split("|").map((form) => [form.trim(), target] as const)
})

/** Severity and incident vocabulary: a weak alert signal on its own. */
export const severityWords = words(`
  critical crit fatal error errors err warning warnings warn emergency urgent
  sev0 sev1 sev2 sev3 p0 p1 p2 p3`)

export const incidentWords = words(`
  alert alerts alerting alarm alarms outage outages incident incidents degraded degradation down downtime
  unavailable unreachable timeout timeouts timed_out timing_out failing failed failure failures fail fails
  firing paging paged pagerduty saturation saturated throttled throttling oom ooms ooming crashloop crashlooping
  crash crashed crashes crashing erroring errored exception exceptions panic panics panicking 5xx 429 429s
  latency spike spikes spiking breach breached threshold deadlock deadlocks leak leaking evicted eviction
  evictions unhealthy flapping backlog lag lagging broken restarting restarts restarted hung stuck dlq
  issue issues problem problems trouble flaky regression failover delays mismatch mismatched`)

/** Failure states and error names: a strong signal wherever they appear. */
export const failureStates = words(`
  crashloopbackoff oomkilled imagepullbackoff errimagepull createcontainerconfigerror backoff notready
  disk_full memory_leak data_loss split_brain disk_pressure memory_pressure connection_refused
  connection_reset too_many_connections too_many_open_files no_healthy_upstream no_route_to_host
  packet_loss econnrefused econnreset etimedout enospc enotfound nxdomain servfail bad_gateway
  gateway_timeout service_unavailable internal_server_error on_fire meltdown segfault outofmemoryerror
  nullpointerexception stackoverflowerror blank_page ddos no_connection invalid_result cross_tenant`)

/** Words that say something is wrong when they follow a subject ("payments are broken"). */
export const problemPredicates = words(`
  broken broke down slow slower sluggish laggy lagging erroring errored failing failed fails flaky flakey
  flaking stuck hung hanging frozen freezing unresponsive unreachable unavailable degraded dead dying died
  crashing crashed crashlooping crashloop restarting rebooting flapping flaps spiking spiked saturated
  overloaded overwhelmed full maxed pegged throttled throttling leaking timing_out timed_out offline
  unhealthy wedged hosed borked busted fubar kaput weird wonky off odd funky strange wrong red panicking
  oomkilled oomed ooming evicted deadlocked corrupted corrupt missing exhausted overflowing backed_up filling_up
  acting_up blowing_up falling_over went_down meltdown on_fire expired expiring rejecting refusing denied
  blocked paging alerting firing regressed stale blank lost pending bouncing looping thrashing misbehaving
  misconfigured locked 404ing 500ing 502ing 503ing 504ing 5xxing notready yellow stalled hammered sealed dropped_out expires expire terrible awful horrible bad taking_forever
  rejected declined refused blocking empty dies melted late does_nothing returns_nothing spins invalid
  hangs freezes hang disappeared vanished buffering stuttering glitching disconnecting
  wiped erased clobbered nuked overwrote`)

/** Predicates that need a concrete subject: "something is off with X" is a report, "that's odd" is not. */
export const softPredicates = words(
  "weird wonky off odd funky strange wrong red yellow terrible awful horrible bad",
)

/** Predicates that only say something is wrong about a measurement ("latency is up", "cpu high"). */
export const metricPredicates = words(`
  up high higher elevated climbing rising growing increasing doubled tripled through_the_roof dropping
  dropped declining tanking tanked low`)

export const metrics = words(`
  cpu memory mem ram load disk disks iowait iops gc heap latency error_rate errors error 5xx 4xx 500s 502s
  503s 504s 429s timeouts lag backlog queue queues connections threads p50 p90 p95 p99 p999 traffic
  throughput requests rps qps usage utilization utilisation swap bandwidth retries restarts failures
  exceptions depth duration response_time conversion conversions signups orders revenue sales logins
  checkouts apdex payments transactions purchases bookings availability uptime success_rate spend spending
  cost costs bill`)

/** States that are healthy: negated they are a problem ("not working"), affirmed a recovery. */
export const healthyStates = words(`
  working work works worked responding respond responds loading load loads loaded starting start starts
  started reachable accessible available healthy ready running run runs connecting connect connects
  connected resolving resolve resolves booting boot processing processed consuming consumed syncing synced
  updating updated sending send sent receiving received delivering delivered serving serve accepting
  coming going online live passing finish finished finishing completed completing deploying deployed building
  scaling showing shown displaying rendering saving saved indexing indexed replicating replicated
  picked applied scheduled fine ok okay good normal green stable happy up right responsive fire fired
  trigger triggered execute executed kick go went arrive arrived arriving reach reaching land landed generate generated
  generating advancing progressing advanced progressed moved`)

/** How a thing is when nothing is wrong with it ("looking healthy", "flat again", "fine since"). */
export const fineStates = words(
  "fine ok okay good normal green healthy stable quiet flat nominal clean operational better calm",
)

/** Healthy states that, affirmed ("it's fine now", "pods are healthy"), close an incident. */
export const recoveredStates = words(`
  fine ok okay good normal green healthy stable better quiet alive operational working running
  responding online live passing back`)

/** Tokens that name something resolved or over. */
export const closureWords = words(`
  fixed resolved mitigated recovered restored sorted solved back_to_normal back_up false_alarm
  no_longer went_away all_good all_clear stand_down nevermind nvm disregard
  ignore ignoring reconciled rolled_back reverted was_me crisis_averted known_issue crushed drained quarantined found_it nm
  silenced muted snoozed
  resuelto solucionado arreglado resolvido solucionado corrigido résolu réglé corrigé rétabli gelöst
  behoben erledigt abgeschlossen risolto sistemato opgelost hersteld 解決 解決しました 復旧 復旧しました`)

/** Verbs whose object carries the problem ("returning 502s", "seeing errors"). */
export const reportVerbs = words(`
  return returning returns returned throwing throws threw seeing see seen saw getting gets got hitting hits
  serving serves spitting spits giving gives logging logs raising raises emitting emits producing
  shows showing reporting reports experiencing experience having has have facing answers answering
  answered responds responding responded`)

/** Objects that make a report out of a report verb. */
export const errorNouns = words(`
  errors error err 5xx 4xx timeouts timeout timed_out exceptions exception failures failure crashes crash
  restarts oom ooms oomkills oomkilled evictions issues issue problems problem trouble panics panic
  segfault segfaults traceback tracebacks stacktrace stacktraces latency spike spikes lag backlog
  throttling rejections drops disconnects outage outages degradation alerts alarms warnings stale blank
  wrong nothing weirdness slowness flakiness instability jank hiccup hiccups blip blips glitch glitches bug
  bugs complaints nan null undefined error_rate`)

/** People whose experience is a report ("customers reporting …", "users can't …"). */
export const affectedPeople = words(`
  users user customers customer clients client merchants merchant people folks everyone everybody
  someone somebody support visitors players drivers partners devs developers`)

export const affectedVerbs = words(`
  seeing getting reporting complaining experiencing hitting unable facing having stuck reported report
  complain complains`)

/** Things one can fail to do ("can't reach", "unable to connect"). */
export const accessVerbs = words(`
  reach connect access log login sign signin load open ssh pull push deploy resolve write read query hit
  curl ping start restart get see upload download send receive create delete save pay checkout place
  submit mount schedule scale build authenticate auth talk fetch find reconnect attach bind allocate
  acquire use run join play stream watch book order buy register signup subscribe`)

export const requestVerbs = words(`
  check look investigate dig debug triage diagnose take_a_look look_into see find figure help analyze
  analyse review inspect verify troubleshoot explain fix confirm`)

export const requestOpeners = words("can could would will please kindly mind")

/** Copulas and auxiliaries between a subject and its predicate. */
export const linkingWords = words(`
  is are was were am be been being seems seem seemed looks look looked feels feel felt appears appear
  keeps keep kept getting get gets got became become becoming has have had do does did will would can
  could should may might went goes`)

export const pastLinking = words("was were had")

export const adverbs = words(`
  still really very super so too totally completely fully partially entirely extremely pretty kinda
  a_bit quite way all now again just also currently suddenly randomly intermittently
  occasionally constantly sometimes badly seriously massively absolutely definitely literally basically
  officially apparently probably maybe possibly already even much slightly somewhat incredibly insanely
  hella mostly clearly heaps loads miles`)

export const negations = words("not never no_longer")

/** Markers that a problem is ongoing, not history ("still", "again", "keeps"). */
export const activeMarkers = words(
  "still again keeps keep continuing continues ongoing persists persisting recurring",
)

/** Events that, ongoing, are the problem itself ("it's happening again"). */
export const recurrences = words("happening occurring recurring reoccurring back")

/** A fall in something bad is good news ("errors are down", "latency dropping"). */
export const decreases = words(`
  down dropped dropping decreasing decreased declining falling fell recovering improving improved
  normalizing normalized settling settled stopped ceased subsided cleared disappeared vanished`)

/** Subjects that are never a system: "I'm down", "you are broken", "the bot is down". */
// "gonna be offline for an hour": the speaker's own plan, subject dropped.
export const personalSubjects = words("i me my you u your yourself bot he she him her gonna")

/**
 * Things that fail in jokes, not in production ("my brain is crashlooping", "the coffee machine
 * is down again"): a problem of one of these, or of a thing one of them qualifies, is no alert.
 */
export const notSystems = words(`
  brain brains head coffee cat cats dog dogs kitty puppy office morale standup standups sprint
  meeting meetings calendar lunch dinner pizza kitchen fridge microwave elevator elevators aircon
  heating printer printers wifi keyboard headset laptop mood vibe vibes weekend monday kid kids son
  daughter family sleep inbox spreadsheet runbook runbooks documentation wiki confluence notion
  playbook meme memes patience sanity life motivation floor room internet vending snacks jira league football
  fantasy intern interns`)

/** Words that cannot be a subject ("a slow day", "the down payment"). */
export const functionWords = words(`
  the a an to of in on at for from by with and or but if as than then so very just really is are was
  were be been am not no do does did has have had can could will would should this these those such
  lol haha ok okay thanks thank both either neither usual one`)

/** Words after which "down" is not an outage ("thumbs down", "calm down"). */
export const downIdioms = words(`
  thumbs calm sit settle slow count upside wind cool step write jot narrow track shut scale scaled break
  turn turned let put lay hands cut knock knocked boil boiled dial dialed tone toned water watered`)

/** Clause-level words that start a subordinate clause: closures there are not the main news. */
export const subordinators = words("after since when once until before because while if unless whenever")

/** An incident's review: its words in a message are about then, not now. */
export const reviewWords = words(
  "postmortem postmortems post_mortem retro retrospective retrospectives writeup rca pir action_item nachbesprechung retrospektive retrospectiva rétrospective rétro",
)

/** Days and months by name: anchors of a story told as past or of work planned for later. */
export const weekdayNames = words("monday tuesday wednesday thursday friday saturday sunday")
/** Months, and their abbreviations that are no other word ("mar" and "may" are left to the callers). */
export const monthNames = words(`
  january february march april june july august september october november december jan feb apr jun jul
  aug sep sept oct nov dec`)

/** Words that put a problem in the present, whatever else the message is about ("yet": "not fixed yet"). */
export const presentWords = words("now rn currently today tonight anymore")
export const liveWords = new Set([...presentWords, "yet"])

/** Meta talk about incidents (reviews, reminders): incident words there are not a live problem. */
export const metaWords = words(`
  postmortem postmortems retro retrospective review reviews writeup reminder meeting agenda notes
  training drill gameday calendar invite standup meetup conference offsite all_hands`)

/**
 * Words a chat message stretches ("sloooow", "downnn", "gooood"): a run of three or more of one
 * letter is read as two when that makes one of these words, else as one ("sloooow" → "slow").
 */
export const stretchedWords: ReadonlySet<string> = new Set([
  ...problemPredicates,
  ...incidentWords,
  ...healthyStates,
  ...recoveredStates,
  ...adverbs,
  ...metricPredicates,
  ...words("good cool too all full off still need seems sooo please help"),
])
