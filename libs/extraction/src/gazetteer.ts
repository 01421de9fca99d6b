// Names a newsroom meets every day, so that "Pyongyang" is a place and "the Kremlin" an organisation without a model.

const COUNTRIES = `Afghanistan|Albania|Algeria|Andorra|Angola|Antigua and Barbuda|Argentina|Armenia|Australia|Austria|Azerbaijan|
Bahamas|Bahrain|Bangladesh|Barbados|Belarus|Belgium|Belize|Benin|Bhutan|Bolivia|Bosnia and Herzegovina|Bosnia|Botswana|Brazil|
Brunei|Bulgaria|Burkina Faso|Burundi|Cambodia|Cameroon|Canada|Cape Verde|Central African Republic|Chad|Chile|China|Colombia|
Comoros|Congo|Democratic Republic of the Congo|Costa Rica|Croatia|Cuba|Cyprus|Czech Republic|Czechia|Denmark|Djibouti|Dominica|
Dominican Republic|East Timor|Ecuador|Egypt|El Salvador|Equatorial Guinea|Eritrea|Estonia|Eswatini|Ethiopia|Fiji|Finland|France|
Gabon|Gambia|Georgia|Germany|Ghana|Greece|Grenada|Guatemala|Guinea|Guinea-Bissau|Guyana|Haiti|Honduras|Hungary|Iceland|India|
Indonesia|Iran|Iraq|Ireland|Israel|Italy|Ivory Coast|Jamaica|Japan|Jordan|Kazakhstan|Kenya|Kiribati|Kosovo|Kuwait|Kyrgyzstan|
Laos|Latvia|Lebanon|Lesotho|Liberia|Libya|Liechtenstein|Lithuania|Luxembourg|Madagascar|Malawi|Malaysia|Maldives|Mali|Malta|
Marshall Islands|Mauritania|Mauritius|Mexico|Micronesia|Moldova|Monaco|Mongolia|Montenegro|Morocco|Mozambique|Myanmar|Burma|
Namibia|Nauru|Nepal|Netherlands|New Zealand|Nicaragua|Niger|Nigeria|North Korea|North Macedonia|Norway|Oman|Pakistan|Palau|
Palestine|Panama|Papua New Guinea|Paraguay|Peru|Philippines|Poland|Portugal|Qatar|Romania|Russia|Russian Federation|Rwanda|
Saint Lucia|Samoa|San Marino|Saudi Arabia|Senegal|Serbia|Seychelles|Sierra Leone|Singapore|Slovakia|Slovenia|Solomon Islands|
Somalia|South Africa|South Korea|South Sudan|Spain|Sri Lanka|Sudan|Suriname|Sweden|Switzerland|Syria|Taiwan|Tajikistan|Tanzania|
Thailand|Togo|Tonga|Trinidad and Tobago|Tunisia|Turkey|Türkiye|Turkmenistan|Tuvalu|Uganda|Ukraine|United Arab Emirates|UAE|
United Kingdom|UK|U.K.|Britain|Great Britain|England|Scotland|Wales|Northern Ireland|United States|United States of America|
US|U.S.|USA|U.S.A.|America|Uruguay|Uzbekistan|Vanuatu|Vatican|Venezuela|Vietnam|Yemen|Zambia|Zimbabwe|Korea|
Democratic People's Republic of Korea|DPRK|Republic of Korea|People's Republic of China|PRC|Soviet Union|USSR`;

const OTHER_PLACES = `Africa|Asia|Europe|North America|South America|Latin America|Oceania|Antarctica|Arctic|Middle East|Far East|
Near East|East Asia|Southeast Asia|South Asia|Central Asia|Eastern Europe|Western Europe|Balkans|Caucasus|Scandinavia|Gulf|
Persian Gulf|Korean Peninsula|Crimea|Donbas|Donbass|Donetsk|Luhansk|Kherson|Zaporizhzhia|Gaza|Gaza Strip|West Bank|Kashmir|
Tibet|Xinjiang|Hong Kong|Macau|Sahel|Siberia|Black Sea|Baltic|Mediterranean|Pacific|Atlantic|Indian Ocean|South China Sea|
Taiwan Strait|West|East|Pyongyang|Seoul|Tokyo|Beijing|Moscow|Kyiv|Kiev|Tehran|Teheran|Washington|New York|London|Paris|Berlin|Brussels|
Rome|Madrid|Vienna|Warsaw|Geneva|Ankara|Istanbul|Jerusalem|Tel Aviv|Cairo|Riyadh|Dubai|Doha|Baghdad|Damascus|Beirut|Kabul|
Islamabad|New Delhi|Delhi|Mumbai|Bangkok|Hanoi|Manila|Jakarta|Canberra|Sydney|Ottawa|Toronto|Mexico City|Brasilia|Buenos Aires|
Caracas|Havana|Nairobi|Lagos|Johannesburg|Addis Ababa|Minsk|Tbilisi|Yerevan|Baku|Astana|Tashkent|Vladivostok|Kaesong|Panmunjom|
California|Texas|Florida|New Jersey|Pennsylvania|Ohio|Michigan|Georgia|Arizona|Nevada|Wisconsin|Iowa|Virginia|Alaska|Hawaii|
Silicon Valley|Wall Street|Westminster|Brussels`;

const ORGANISATIONS = `United Nations|UN|U.N.|UN Security Council|Security Council|General Assembly|NATO|European Union|EU|E.U.|
European Commission|European Parliament|IMF|International Monetary Fund|World Bank|WHO|World Health Organization|WTO|
World Trade Organization|OPEC|IAEA|International Atomic Energy Agency|ICC|International Criminal Court|OSCE|ASEAN|African Union|
G7|G20|BRICS|Pentagon|Kremlin|White House|Congress|Senate|House of Representatives|Supreme Court|State Department|
Department of Defense|Defense Department|Ministry of Defence|Foreign Ministry|Ministry of Foreign Affairs|FBI|CIA|NSA|KGB|FSB|
GRU|Federal Reserve|Fed|Bank of England|European Central Bank|ECB|Downing Street|Parliament|Bundestag|Duma|State Duma|
Workers' Party of Korea|Korean Workers' Party|Communist Party|Politburo|Red Cross|Amnesty International|Human Rights Watch|
Reuters|Associated Press|AP|AFP|BBC|CNN|Fox News|New York Times|Washington Post|Wall Street Journal|Guardian|Financial Times|
Bloomberg|Al Jazeera|Xinhua|KCNA|Korean Central News Agency|TASS|Yonhap|Pixabay|Getty Images|Wagner|Wagner Group|Hamas|Hezbollah|
Taliban|Houthis|Islamic State|ISIS|Al-Qaeda|Google|Apple|Microsoft|Amazon|Meta|Facebook|Twitter|X Corp|Tesla|OpenAI|Gazprom|
Rosneft|Samsung|Hyundai|Huawei|Toyota|Boeing|Airbus|Lockheed Martin|Raytheon|Harvard|Oxford|Stanford|MIT`;

// Acronyms count only in capitals: "US" and "WHO" are names, "us" and "Who" are not.
const ACRONYMS = new Set<string>();

function toMap(list: string, type: GazetteerType, into: Map<string, GazetteerType>): void {
  for (const raw of list.split('|')) {
    const name = raw.trim();
    const key = gazetteerKey(name);
    if (!key) continue;
    if (!into.has(key)) into.set(key, type);
    if (/^[A-Z0-9.]+$/.test(name)) ACRONYMS.add(key);
  }
}

export type GazetteerType = 'place' | 'organisation';

/** Lookup key: lower case, straight apostrophes, single spaces. */
function gazetteerKey(name: string): string {
  const lower = name.toLowerCase();
  return /[’‘`\s]/.test(lower) ? lower.replace(/[’‘`]/g, "'").replace(/\s+/g, ' ').trim() : lower;
}

const GAZETTEER = new Map<string, GazetteerType>();
toMap(ORGANISATIONS, 'organisation', GAZETTEER);
toMap(COUNTRIES, 'place', GAZETTEER);
toMap(OTHER_PLACES, 'place', GAZETTEER);

export function lookupName(name: string): GazetteerType | undefined {
  const key = gazetteerKey(name);
  if (ACRONYMS.has(key) && name !== name.toUpperCase()) return undefined;
  return GAZETTEER.get(key);
}

/** A word that makes a capitalised name an organisation wherever it stands in the name. */
export const ORGANISATION_WORDS = new Set(
  `ministry|department|agency|council|committee|commission|court|parliament|party|union|nations|bank|fund|corporation|corp|
inc|ltd|llc|plc|group|company|co|university|college|institute|institution|foundation|association|organisation|organization|
office|service|services|police|army|navy|force|forces|guard|command|government|administration|authority|authorities|bureau|
board|federation|league|alliance|coalition|movement|front|network|times|post|news|press|journal|herald|tribune|agency|
broadcasting|television|radio|club|church|hospital|school|academy|centre|center|lab|laboratory|laboratories|media|pentagon|
kremlin|senate|congress|assembly|cabinet|secretariat|tribunal|embassy|consulate|mission|programme|program|project|initiative|
democrats|republicans|conservatives|liberals|socialists|united|rovers|wanderers|athletic|albion|hotspur|fc|afc`
    .split('|')
    .map((w) => w.trim()),
);

/** Last words that make a name a place. */
export const PLACE_WORDS = new Set(
  `city|province|state|county|district|region|island|islands|river|sea|ocean|lake|mountains|mountain|mount|peninsula|strait|
gulf|bay|valley|desert|street|avenue|square|bridge|airport|port|harbour|harbor|coast|border|oblast|prefecture|village|town|
reef|canyon|glacier|forest|falls|lagoon|estuary|fjord|plateau|plain|plains|highlands|moor|marshes|archipelago|cape`
    .split('|')
    .map((w) => w.trim()),
);

/** Titles before a name: the name after them is a person's, and the title itself is not part of it. */
export const PERSON_TITLES = new Set(
  `mr|mr.|mrs|mrs.|ms|ms.|dr|dr.|prof|prof.|sir|dame|lord|lady|president|vice|prime|minister|chancellor|secretary|senator|sen.|
rep.|representative|governor|gov.|mayor|general|gen.|colonel|col.|major|captain|capt.|lieutenant|lt.|admiral|sergeant|sgt.|
commander|chairman|chairwoman|chair|ceo|director|judge|justice|king|queen|prince|princess|emperor|pope|bishop|archbishop|rabbi|
imam|ayatollah|sheikh|leader|supreme|premier|ambassador|envoy|spokesman|spokeswoman|spokesperson|chief|marshal|comrade|
professor|doctor|father|sister|brother|saint|st.|president-elect|dictator|tsar|czar|comrade|executive|detective|inspector|
superintendent|constable|councillor|deputy|coach`
    .split('|')
    .map((w) => w.trim()),
);

/** Adjectives of nationality and direction: capitalised, but they name no one. */
export const DEMONYM_LIKE =
  /^(?:[A-Z][a-z]+(?:an|ian|ean|ese|ish|ic|ist|i|ern|ite))$|^(?:Thai|Swiss|French|Dutch|Greek|Czech|Soviet|Nazi|Communist|Socialist|Democratic|Republican|Liberal|Conservative|Supreme)$/;

export const MONTHS: Record<string, number> = {
  january: 1,
  jan: 1,
  'jan.': 1,
  february: 2,
  feb: 2,
  'feb.': 2,
  march: 3,
  mar: 3,
  'mar.': 3,
  april: 4,
  apr: 4,
  'apr.': 4,
  may: 5,
  june: 6,
  jun: 6,
  'jun.': 6,
  july: 7,
  jul: 7,
  'jul.': 7,
  august: 8,
  aug: 8,
  'aug.': 8,
  september: 9,
  sep: 9,
  'sep.': 9,
  sept: 9,
  'sept.': 9,
  october: 10,
  oct: 10,
  'oct.': 10,
  november: 11,
  nov: 11,
  'nov.': 11,
  december: 12,
  dec: 12,
  'dec.': 12,
};

export const WEEKDAYS = new Set(['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday']);
