/**
 * What conversation sounds like: greetings, thanks, acknowledgements, praise, laughter, small
 * talk with the bot, "resolved"/"ignore that". A message made only of these (and filler words)
 * is confident chatter. Phrases are written plainly and canonicalised at load time through the
 * same tokenizer as messages, so "it's fine" here matches "its fine" or "it is fine" there.
 */

export type ChatterCategory =
  | "thanks"
  | "greeting"
  | "farewell"
  | "acknowledgement"
  | "praise"
  | "laughter"
  | "small talk"
  | "question about the bot"
  | "test message"
  | "resolved"
  | "configured phrase"

/** Words that add nothing either way ("thanks *so much guys*"); dropped before phrase matching. */
export const fillers: ReadonlySet<string> = new Set(
  `so much very really again too all guys everyone everybody team folks yall y'all man dude mate buddy
  pal friend friends bot sir boss fam people just oh ah uh um umm also then and for the a an
  lot ton tons bunch as always your today tonight from of to in at with actually`
    .split(/\s+/)
    .filter((w) => w.length > 0),
)

const lines = (category: ChatterCategory, text: string): ReadonlyArray<readonly [ChatterCategory, string]> =>
  text
    .split(/[|\n]/)
    .map((p) => p.trim())
    .filter((p) => p.length > 0)
    .map((p) => [category, p] as const)

/** Multi-word phrases (single words are in `tokenCategory`). `#` stands for a short number. */
export const chatterPhrases: ReadonlyArray<readonly [ChatterCategory, string]> = [
  ...lines(
    "thanks",
    `thank you | thanks you | many thanks | much appreciated | appreciate it | appreciate that |
    appreciate you | appreciate this | big thanks | shout out | thanks again | vielen dank | muchas gracias |
    tak for hjælpen | tack för hjälpen | takk for hjelpen | danke für die hilfe | gracias por la ayuda |
    merci pour l'aide | obrigado pela ajuda | grazie per l'aiuto | dank je wel |
    sorry for the noise | sorry for noise | i owe you | owe you one | i owe you one | i owe you a beer |
    i owe you a coffee |
    muito obrigado | muito obrigada | merci beaucoup | grazie mille | go raibh maith agat | go raibh míle maith agat |
    asante sana | asante kwa msaada | asante kwa usaidizi | baie dankie |
    sağ ol | sag ol | teşekkür ederim | cảm ơn | cảm ơn nhiều | cảm ơn nhiều nha | cảm ơn nha | terima kasih |
    terima kasih banyak | tq lah | kiitos paljon | tack så mycket | tapadh leat | tapadh leibh | shukran habibi | shukran jazeelan |
    diolch yn fawr | diolch o galon | diolch i chi | diolch ti | go raibh maith agaibh`,
  ),
  ...lines(
    "greeting",
    `good morning | good afternoon | good evening | good day | what is up | hey hey | welcome back |
    hey there | hi there | hello there | buenos días | buenos dias | buenas tardes | buenas noches |
    guten morgen | guten tag | bom dia | boa tarde | bonne journée | cómo estás | como estas | ça va |
    wie geht es | wie gehts | tudo bem | qué tal | que tal | buon giorno | buongiorno | bonjour à tous |
    hola a todos | hola equipo | bom dia pessoal | boa noite | guten abend | dzień dobry | dobry wieczór |
    evening all | evening everyone | evening team | morning all | morning everyone | morning team | afternoon all |
    salut | salut tout le monde | buenas | goeiemorgen | goedemorgen | goedemiddag | hoi allemaal | moin | moin zusammen |
    arvo | arvo all | afternoon all | hiya all | ey up | how ya going | how are ya going |
    habari za asubuhi | habari za mchana | habari yako | goeie môre | goeie more | goeiemôre | madainn mhath | dia duit | dia dhuit |
    xin chào | chào buổi sáng | chào buổi sáng cả nhà | selamat pagi | selamat pagi semua | selamat siang |
    god morgon | hej hej | доброе утро | добрий день | hyvää huomenta |
    salam alaikum | salaam alaikum | assalamu alaikum | as salaam alaikum | salam aleikum | wa alaikum salaam |
    bore da | prynhawn da | noswaith dda | shwmae | sut mae | dia daoibh`,
  ),
  ...lines(
    "farewell",
    `nos da | hwyl | hwyl fawr | slán | slán go fóill | oíche mhaith | good night | see you | see ya | see you tomorrow | see you later | take care | have good one |
    have good day | have nice day | have great day | have good weekend | have nice weekend | have great weekend |
    enjoy weekend | enjoy your weekend | enjoy | signing off | logging off | going offline | going offline for the night | heading out | talk later | catch you later | i am off |
    happy friday | happy monday | happy weekend | happy payday | tgif | happy holidays | happy new year | merry christmas |
    feliz navidad | feliz año nuevo | frohe weihnachten | joyeux noël | buon natale | boas festas | feliz natal |
    call it a day | calling it a day | drive safe | stay safe | get home safe |
    have blessed day | have blessed week | have blessed weekend | have blessed sunday | have blessed evening | stay blessed |
    enough excitement for one day | that is enough excitement for one day | enough excitement for today |
    bis morgen | bis später | bis bald | schönes wochenende | schönen feierabend | buen fin de semana |
    bom fim de semana | bon week end | bon weekend | bonne soirée | hasta mañana | hasta luego | à demain |
    buonanotte | buonanotte a tutti | buona notte a tutti | buona giornata | buona giornata a tutti |
    a domani | buon weekend | buona serata | gute nacht | gute nacht zusammen | bonne nuit | buona notte |
    buenas noches a todos | boa noite pessoal | welterusten | goede nacht | bonne semaine | nos vemos |
    nos vemos mañana | fijne dag | fijne dag allemaal | fijn weekend | tot morgen | sextou | boa semana |
    buen finde | buen finde equipo | buen finde a todos | feliz finde | bom finde | bon week end à tous | bon weekend à tous |
    going to bed | going to bed for real | going to bed for real this time | off to bed | heading to bed | bedtime |
    ok going to bed | ok going to bed for real this time | going to sleep | off to sleep |
    lekker naweek | lekker naweek almal | fijn weekend allemaal | that's me away home | that's me away | right that's me away home |
    oidhche mhath | slán | slán abhaile |
    spokojnej nocy | iyi geceler | спокойной ночи | на добраніч | ngủ ngon | ngủ ngon mọi người | hyvää yötä | god natt |
    selamat malam | hyvää viikonloppua | hyvää joulua | wesołych świąt | god jul | iyi bayramlar | kaikki vihreää hyvää viikonloppua`,
  ),
  ...lines(
    "acknowledgement",
    `got it | got you | will do | on it | on it now | sounds good | sounds great |
    sounds fine | sounds right | that works | that works for me | works for me | sounds like plan | looks good | looks fine | looks good to me |
    makes sense | fair enough | sure thing | of course | all right | same here | me too | no worries | no problem |
    no prob | you are welcome | my pleasure | did not know that | interesting did not know that | interesting did not know | that matches | that matches what i saw | matches what i saw | will check | on my way | one sec | hold on | good to know |
    good to hear | glad to hear | i see | okie dokie | copy that | roger that | thumbs up | no rush |
    take your time | shipping it | interesting | til | will take a look | i will take a look | will look | looking now | checking now | i am on it |
    we are on it | i got it | i got this | will do thanks | i will keep an eye | will keep an eye | keep an eye |
    that explains it | that explains that | that explains a lot | not urgent | no es urgente | nicht dringend |
    pas urgent | não é urgente | non è urgente | lo reviso mañana | lo miro mañana | will check tomorrow | passt |
    +1 to what _name_ said | +1 to that | agree with _name_ | what _name_ said | not a priority | low priority |
    will update accordingly | will update sop accordingly | will update runbook accordingly | will update doc accordingly | will update docs accordingly | will update tracker accordingly |
    no drama | no dramas | sweet as | too easy | all sweet | seen | noted | bien reçu | bien noté | reçu | recibido | entendido | verstanden | alles klar | begrepen | entendi |
    sawa nimeelewa | nimeelewa | nae bother | no bother | no bother any time | no bother anytime | nae bother at all | fair play | ach well |
    brzmi dobrze | понял принял | ei hätää | kollar | kollar imorgon | katson huomenna | sprawdzę jutro | maaf | maaf ya | can lah | ok lah | okay lah | boleh lah | steady lah | steady | shiok | shiok ah | thanks ah | thank you ah |
    klinkt goed | mooi zo | ik ben er | ek is hier | inshallah tomorrow | inshallah tomorrow then | kettle's on | kettle is on`,
  ),
  ...lines(
    "praise",
    `nice work | nice job | good job | great job | great work | good work | amazing work | awesome work |
    well done | nice one | good one | good catch | nice catch | great catch | good call | nice find | good find |
    looks great | looks amazing | looks awesome | works great | works nicely | works like charm |
    love the new | super useful | very useful | was useful | so useful | spot on | good work everyone |
    huge improvement | big improvement | massive improvement | nice improvement |
    sei un grande | sei una grande | sei grande | sei mitico | sei un mito | grande bot | bravissimi |
    good bot | great bot | best bot | smart bot | cute bot | clever bot | you were right | you were right again | shipit | buen trabajo | bom trabalho | gute arbeit | bon travail | ottimo lavoro | shout out to the bot | you are the mvp | mvp | love the | i love the | looks nice | getting smarter | you are getting smarter | you rock | you are the best | you are awesome | you are amazing |
    you are great | you are a lifesaver | you are a legend | you are a star | you are a hero | love it | love this |
    love you | i love you | i love this | that was fast | that was quick | so fast | that is awesome |
    that is great | that is nice | that is cool | that is amazing | that helps | that helped | very helpful |
    super helpful | helpful | let us go | ship it | good stuff | great stuff | great news | good news | high five |
    you beauty | you little beauty | you legend | cracking | cracking job | well chuffed | chuffed | bloody legend | ripper |
    bra jobbat | jesteś złoty | jesteś złota | hyvää työtä |
    grand job | grand job everyone | goed werk | goed werk allemaal | goeie werk | mooi werk | huge w | big w | kazi nzuri | fair play to you |
    iechyd da | gwych | da iawn | ardderchog`,
  ),
  ...lines("laughter", `so funny | funny | hilarious`),
  ...lines(
    "question about the bot",
    `who are you | what are you | what can you do | what else can you do |
    what do you do | how do you work | how does this work | how does it work | how do i use you | how do i use this |
    how do i use it | what is this | what is your name | who made you | who built you | who created you |
    who wrote you | tell me a joke | tell me about yourself | help | help me | usage | commands | are you there |
    are you alive | are you up | are you awake | are you online | are you working | are you down | are you broken |
    you awake | you up | you alive | you still alive | you still there | are you real | are you a bot | are you a robot | are you human | are you an ai | are you sentient |
    are you chatgpt | is this thing on | anyone home | anyone there | anybody there | anyone around | you there | bad bot |
    kannst du deutsch | kannst du auch deutsch | sprichst du deutsch | verstehst du deutsch | verstehst du auch deutsch |
    do you speak german | do you understand german | do you speak spanish | do you speak french | entiendes español | comprends tu le français | você entende português | hablas español | parles tu français |
    parlez vous français | falas português | bist du da | tu es là | estás ahí | o que consegues fazer |
    o que você faz | quais comandos você aceita | quais comandos aceitas | qué comandos aceptas |
    jesteś tam | czy jesteś tam | osaatko suomea | puhutko suomea | mówisz po polsku | czy mówisz po polsku |
    talar du svenska | kan du svenska | türkçe biliyor musun | vad kan du | vad kan du hjälpa till med | vad kan du göra |
    co potrafisz | co umiesz | что ты умеешь | mitä osaat | ne yapabilirsin |
    what can you even do | what can u do | what can u even do | what do u do | who are u`,
  ),
  ...lines(
    "small talk",
    `how are you | how are you doing | how is it going | how is your day | how was your weekend |
    what is new | is it friday yet | what time is it | who is on call | who is oncall | coffee | lunch | standup | weather | joke | haiku | poem | song | riddle |
    it is always dns | always dns | fin de semana | el fin de semana | how was the weekend | fim de semana | wochenende |
    what did i miss | meme of the day | we did it | where has this been all my life | drinks after work |
    lunch anyone | anyone for lunch | quer almoçar | alguém quer almoçar | quién viene a comer | mittagessen |
    happy birthday | welcome to the team | welcome aboard | happy thanksgiving | monday again | quick poll |
    we are hiring | highly recommend | anyone watching | tabs or spaces | did anyone watch | good times |
    i will see myself out | meme of the week | company holiday | bank holiday | public holiday | check_it_out |
    holiday party | team party | christmas party | anyone going to | recommended reading | asking for a friend |
    anyone up for lunch | anyone up for | good book | i will take this one | i will take this |
    i am back | we are back | back | i am here | here | present | ping | pong | welcome |
    skill issue | do not jinx it | let us not jinx it | jinx | jinxed it | you jinxed it | knock on wood | touch wood | fingers crossed |
    knock knock | stop | shh | shhh | hush | what could possibly go wrong | standup in | stand up in | just lurking | lurking | moving this to |
    wer hat bereitschaft | wer hat diese woche bereitschaft | quem está de prevenção | quem está de prevenção este fim de semana |
    quién está de guardia | qui est d'astreinte | alles ruhig | alles ruhig heute | tudo normal | tudo normal hoje |
    tudo tranquilo | todo tranquilo | tout est calme | anyway | anyways | who needs sleep | who needs sleep anyway |
    bit quiet | bit quiet innit | quiet innit | footy | footy tonight | the footy | anyone watching the footy |
    clear skies | clear skies tonight | cloudy again | cloudy tonight |
    i take this one | i take this | i take it | i am taking this one | taking this one | still there |
    almost weekend | almost friday | nearly weekend | nearly friday | long day | long day huh | long week |
    long week huh | what a day | what a week | go brrr | bot go brrr | brrr |
    kahve | çay molası | kopi dulu | fika | lounas | lounaalle | obiad | makan siang | hodl | wen lambo | wen moon | wagmi | ngmi | lfg | piątek piąteczek | smacznej kawusi | wracam za # min | fredagsfika`,
  ),
  ...lines(
    "test message",
    `test | testing | test message | test test | testing testing | this is a test | test # |
    testing # | test # # # | testing # # # | hello world | ignore me | please ignore | mic check | sound check |
    próba mikrofonu | testi testi | ไม่มีอะไรค่ะ | ไม่มีอะไรครับ | แค่ลองดู | thử bot | thử bot chút | test bot | testi | ทดสอบ | ทดสอบค่ะ | ทดสอบครับ`,
  ),
  ...lines(
    "resolved",
    `all good | all good now | all clear | we are good | we are good now | it is fine | it is fine now |
    it is ok | it is ok now | it is okay | it works | works now | working now | it is working | it is working now |
    fixed | fixed now | it is fixed | resolved | resolved now | it is resolved | sorted | solved | problem solved |
    mitigated | recovered | never mind | nvm | ignore | ignore this | ignore that | disregard | false alarm |
    my bad | it was me | sorry | oops | whoops | wrong channel | wrong thread | wrong chat | wrong room |
    tagged you by mistake | i tagged you by mistake | pinged you by mistake | i pinged you by mistake | tagged wrong person | pinged wrong person | sent by mistake | posted by mistake |
    nothing to see here | all systems operational | that was close | carry on | as you were | stand down | back to normal | back up | crisis averted |
    no action needed | can close | closing | closed | all done | all set | good now | fine now | ok now | done |
    nothing is on fire | nothing on fire | not on fire | nothing is broken | nothing broke | nothing is down |
    nothing going on | nothing is going on | all quiet | quiet night | quiet shift | quiet day | nothing burning |
    nothing urgent | nothing to report | confirmed working | confirmed working on my end | working on my end |
    works on my end | all working on my end | fine on my end | all good on my end |
    wszystko zielone | her şey yolunda | kaikki kunnossa | kaikki kunnossa taas | kaikki vihreää | allt lugnt |
    allt lugnt här | allt grönt | działa | wszystko działa | spokojna noc | spokojna noc była | zero pagerów | zero alertów | ничего не горит | нічого не горить |
    salah tag | salah channel | cisza i spokój | cisza i spokój dziś | udah aman | semua aman`,
  ),
]

const patterns: ReadonlyArray<readonly [ChatterCategory, RegExp]> = [
  [
    "thanks",
    /^(?:thanks+|thanx|thnx|thx+|thks|tks|tnx|tyvm|tysm|ty|tyty|thankyou|thanku|thank|thankies|appreciate|ta|merci|danke|dankeschön|gracias|grazie|obrigad[oa]|obrigad[ãa]o|brigad[oa]|brigad[ãa]o|valeu|bedankt|dank|dzięki|dziekuje|tack|kiitos|spasibo|спасибо|teşekkürler|tesekkurler|sağol|takk|dziękuję|дякую|спасибі|eyvallah|ขอบคุณ(?:ค่ะ|ครับ|คะ)?|makasih|kiitti|tq|tqvm|děkuji|köszönöm|ευχαριστώ|cheers|kudos|appreciated|shoutout|谢谢|多谢|感谢|ありがとう(?:ございます|ございました)?|どうも|助かりました|감사합니다|고마워(?:요)?|asante|shukrani|shukran|dankie|slàinte|slainte|sláinte|diolch)$/,
  ],
  [
    "acknowledgement",
    /^(?:好的|好|收到|了解(?:です|しました)?|わかりました|承知しました|どういたしまして|よろしく(?:お願いします)?|알겠습니다|vale|entendido|verstanden|claro|o+k+(?:a+y+)?|k+|okie|okey|okies|dokie|dokey|ack|acked|acknowledged|grand|perfecto|perfeito|parfait|perfetto|daje|genial|noted|roger|wilco|copy|understood|received|gotcha|sgtm|lgtm|sure|yes+|ye+p|yeah+|yup+|ya|yea|yas|no|nope|nah|right|alright|agreed|agree|same|true|indeed|exactly|np|nw|yw|word|bet|\+1|cool|fine|checking|looking|omw|sec|brb|afk|ofc|noice|righto|righty|easy|anytime|investigating|h+m+|phew|whew|sawa|yebo|aye|inshallah|tamam|aynen|хорошо|добре|понял|принял|понятно|selvä|joo|kuittaan|siap|sip|gitara|zrozumiałem|zrozumiałam|fajnie|알겠어요|알겠습니다)$/,
  ],
  [
    "laughter",
    /^(?:(?:ha){1,20}h?|a?(?:ha){2,20}|(?:he){2,20}h?|(?:ja){2,20}|lo+l+|lolol|lmf?ao+|rofl|roflmao|xd+|kek|kekw|lel|heh|hah|wk(?:wk){1,20}|5{3,20}|lul|lulw|omegalul|owo|uwu|ㅋ{2,20}|ㅎ{2,20}|草|copium|hopium)$/,
  ],
  [
    "greeting",
    /^(?:h+e+y+a*|h+i+y*a*|hel+o+|hallo+|yo+|sup|wassup|howdy|howya|hola|bonjour|salut|ciao|servus|moin|ola|olá|gm|g'day|gday|g’day|morning|mornin|greetings|ahoy|heyo+|你好|수고하셨습니다|수고했어요|고생하셨습니다|こんにちは|こんばんは|おはよう(?:ございます)?|お疲れ(?:様|さま)?(?:です|でした)?|안녕하세요|안녕|jambo|habari|salaam|salam|karibu|welkom|fáilte|failte|howzit|привет|привіт|selam|merhaba|günaydın|halo|moi|moikka|huomenta|สวัสดี(?:ค่ะ|ครับ)?)$/,
  ],
  [
    "praise",
    /^(?:nice+|great|awesome|amazing|excellent|brilliant|perfect|sweet|neat|wow+|whoa|legend|hero|lifesaver|champ|genius|impressive|beautiful|fantastic|superb|wonderful|bravo|congrats|congratulations|hooray|hurray|yay+|woo+hoo+|woo+|slick|clutch|magic|stellar|dope|goat|gg|ggwp|wp|gj|top|handy|useful|solid|pog+|pogg+ers|pogchamp|sheesh+|goated|o7|ez|brill|gwych|대박|すごい|すげー|lekker|baie|mooi|mantap|เก่งมาก(?:ค่ะ|ครับ)?)$/,
  ],
  [
    "farewell",
    /^(?:bye+|goodbye|gn|gnight|g'night|gnite|nighty|nini|night|nite|cya|later|laters|ttyl|goodnight|tgif|tsch[üu]ss?|tschau|adi[oó]s|tchau|ciao|dobranoc|またね|お先に失礼します)$/,
  ],
]

/** The category of a single chatter word ("thx", "okay", "hahaha", "heyyy"), or null. */
export const tokenCategory = (token: string): ChatterCategory | null => {
  if (token.length > 40) return null
  for (const [category, pattern] of patterns) if (pattern.test(token)) return category
  return null
}
