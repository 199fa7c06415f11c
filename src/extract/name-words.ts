/**
 * Closed word lists that the entity rules lean on (issue 4, item 1). They cover what compromise's
 * lexicon gets wrong or lacks on news text: it tags "Turkish" and "British" as nothing, "Syrian" as
 * an organisation inside a sentence, and it has no titles such as "Secretary of State".
 * Everything is lowercase; callers compare lowercased words.
 */

const set = (words: string): ReadonlySet<string> => new Set(words.trim().split(/\s*\|\s*|\n\s*/));

/**
 * Titles and offices stripped in front of a name ("Secretary of State John Kerry" -> "John Kerry").
 * A name right after one is a person. Multi-word titles are matched longest first.
 */
export const TITLES: readonly (readonly string[])[] = [
  ...`secretary of state | secretary-general | secretary general | foreign secretary | foreign minister
    defence minister | defense minister | defense secretary | defence secretary | interior minister
    prime minister | deputy prime minister | vice president | deputy foreign minister | foreign affairs minister
    supreme leader | special envoy | chief of staff | national security adviser | press secretary
    president | minister | secretary | senator | sen | rep | congressman | congresswoman | governor | gov
    general | gen | colonel | col | lieutenant | lt | major | maj | captain | capt | admiral | adm | sergeant | sgt
    commander | chancellor | king | queen | prince | princess | crown prince | sheikh | emir | sultan | pope
    ayatollah | mayor | ambassador | envoy | spokesman | spokeswoman | spokesperson | chairman | chairwoman
    director | judge | justice | mr | mrs | ms | miss | dr | prof | professor | rev | reverend | lord | lady | sir
    dame | deputy | acting | former | ex | chief | leader | premier | speaker | field marshal`
    .trim()
    .split(/\s*\|\s*|\n\s*/),
]
  .map((title) => title.split(/[\s-]+/))
  .sort((a, b) => b.length - a.length);

/** Lowercase name particles that sit inside a name ("Staffan de Mistura", "Bashar al-Assad"). */
export const PARTICLES = set('al | el | ad | as | ash | at | an | ar | de | du | da | di | del | della | der | den | van | von | bin | ibn | le | la | ter | ten | dos | das | do');

/** Particles that may open a name, as Arabic names of places and outlets do ("al-Mijimir", "al Qaeda"). */
export const LEADING_PARTICLES = set('al | el | ad | as | ash | an | ar');

/** Lowercase words that may join two capitalised words inside one name ("Observatory for Human Rights"). */
export const CONNECTORS = set('of | for');

/**
 * Adjectives of nation, faith and people, which are not mentions of a place ("Russian jets" does
 * not mention Russia). compromise lists many demonyms but misses these.
 */
export const DEMONYMS = set(`
  turkish | british | kurdish | danish | polish | spanish | finnish | irish | scottish | swedish | jewish | flemish
  arab | arabs | saudi | iraqi | israeli | pakistani | yemeni | emirati | kuwaiti | qatari | omani | somali | afghan
  bahraini | azerbaijani | uzbek | tajik | kazakh | thai | sunni | sunnis | shia | shias | shiite | shiites | alawite
  alawites | muslim | muslims | christian | christians | druze | kurd | kurds | jew | jews | yazidi | yazidis | sufi
  salafi | jihadi | jihadist | jihadists | islamist | islamists | islamic | western | eastern | northern | southern
  soviet | european | westerners | arabic | persian | hebrew | latin`);

/** Words that end an organisation's name ("Joint Implementation Group", "al-Masdar News"). */
export const ORG_WORDS = set(`
  front | group | news | press | post | times | agency | ministry | department | office | council | committee
  commission | organisation | organization | union | league | party | movement | alliance | brigade | brigades
  army | forces | guard | guards | corps | coalition | bank | fund | institute | foundation | observatory | network
  channel | television | tv | radio | broadcasting | corporation | company | court | tribunal | parliament
  assembly | senate | congress | government | administration | authority | federation | association | society
  university | college | school | hospital | center | centre | monitor | journal | herald | gazette | telegraph
  tribune | daily | magazine | airlines | airways | club | conference`);

/** Words that end a place's name, or follow it in lowercase ("Sweida province", "al-Sina’a district"). */
export const PLACE_WORDS = set(`
  province | governorate | district | region | city | town | village | county | state | territory | republic
  kingdom | emirate | island | islands | mountains | mountain | river | valley | desert | sea | gulf | bay | coast
  peninsula | border | airport | square | street | strait | heights | plain | basin | camp | crossing | oasis`);

/** Lowercase nouns that, before "of", make the next name a place ("the villages of Barad"). */
export const PLACE_OF = set(`
  province | governorate | district | region | city | cities | town | towns | village | villages | county
  capital | suburb | suburbs | outskirts | neighbourhood | neighborhood | area | port | island | republic | state`);

/** Lowercase nouns that, right before a name, make it an organisation ("news channel Ikhbariya"). */
export const ORG_HEADS = set(`
  agency | channel | newspaper | broadcaster | station | website | outlet | daily | weekly | magazine | network
  group | militia | party | company | firm | bank | organisation | organization | movement | coalition | faction`);

/** Lowercase nouns that, right before a name, make it a person ("U.N. envoy Staffan de Mistura"). */
export const PERSON_HEADS = set(`
  envoy | minister | president | spokesman | spokeswoman | spokesperson | leader | commander | official
  analyst | expert | diplomat | ambassador | secretary | chief | director | general | colonel | journalist
  correspondent | reporter | activist | lawyer | adviser | advisor | senator | governor | mayor | king | prince
  premier | chancellor | negotiator | mediator | cleric | preacher | emir | sheikh | mr | mrs | ms | dr`);

/** Prepositions after which an unknown name is a place ("in NY", "near Daraa"). */
export const PLACE_PREPOSITIONS = set('in | near | outside | inside | across | into | toward | towards | around | throughout');

/** Compass words that make a following capitalised word a region ("Middle East", "North Africa"). */
export const COMPASS = set('north | south | east | west | middle | central | northern | southern | eastern | western');

/** Months and weekdays: capitalised, never topics. "May" and "March" are also verbs, so they go here. */
export const CALENDAR = set(`
  january | february | march | april | may | june | july | august | september | october | november | december
  jan | feb | mar | apr | jun | jul | aug | sep | sept | oct | nov | dec
  monday | tuesday | wednesday | thursday | friday | saturday | sunday`);

/** Page furniture and other capitalised words that are never topics, whatever the lexicon says. */
export const NEVER_NAMES = set(`
  related | comments | comment | advertisement | recommended | reads | read | more | share | follow | subscribe
  click | photo | video | image | update | updated | editor | note | source | sources | god | allah | lord
  i | we | you | he | she | it | they | this | that | these | those | there | here | what | when | where | who | why
  how | but | and | or | so | yet | if | as | at | in | on | by | for | to | of | the | a | an | no | not | all | our
  their | his | her | its | my | your | let | ok | okay | amen`);

/** Abbreviations whose full stop does not end a sentence. */
export const ABBREVIATIONS = set(`
  mr | mrs | ms | dr | st | gen | col | lt | sgt | capt | sen | rep | gov | prof | jr | sr | vs | mt | ft | no | adm
  maj | rev | jan | feb | mar | apr | jun | jul | aug | sep | sept | oct | nov | dec | approx | est | inc | ltd | co`);

/** Small words ignored when deciding whether a line is set in Title Case. */
export const SMALL_WORDS = set(`
  a | an | the | and | or | but | nor | of | in | on | at | to | for | by | with | from | as | into | onto | over
  per | via | vs | is | are | be | it | its | up | off | out`);
