"""Seed vocabularies per category, written here: word -> weight (a trailing '*' matches any ending).

Weights: 3 = nearly decisive ("goalkeeper"), 2 = strong ("election"), 1 = suggestive ("market"),
0.5 = weak evidence seen in many kinds of story. Two words joined by "-" match a two-word phrase
("interest-rate*" matches "interest rates"). Written from the label descriptions in categories.py and
general knowledge of news sections, not learned from any labelled corpus.
"""

from __future__ import annotations


def _parse(spec: str) -> dict[str, float]:
    out: dict[str, float] = {}
    weight = 1.0
    for tok in spec.split():
        if tok.startswith("@"):
            weight = float(tok[1:])
        else:
            out[tok.lower()] = weight
    return out


LEXICON: dict[str, dict[str, float]] = {
    "Sports": _parse(
        """
@3 football soccer cricket rugby tennis golf athletics olympic* paralympic* wimbledon goalkeeper* striker*
midfielder* footballer* cricketer* batsman batsmen bowler* wicket* innings quarter-final* semi-final*
semifinal* premiership fifa uefa nfl nba mlb nhl grand-slam marathon* sprinter* hurdler* medal* medallist*
touchdown* quarterback* playoff* relegation relegated fly-half scrum* lineout* six-nations hat-trick
grand-prix formula-one motogp boxing boxer* heavyweight wrestl* snooker darts cyclist* peloton
squash badminton hockey baseball basketball volleyball handball swimmer* sprint* triathl* decathl*
heptathl* tournament* champions-league fa-cup davis-cup ryder-cup world-cup european-championship*
athlete* jockey* racecourse* cheltenham aintree grand-national derby* world-record* personal-best
test-match* one-day-international odi twenty20 paceman spinner all-rounder wembley anfield twickenham
murrayfield lansdowne old-trafford highbury stamford-bridge millennium-stadium man-of-the-match
arsenal chelsea liverpool everton tottenham newcastle celtic rangers barcelona juventus bayern
real-madrid ac-milan inter-milan man-utd manchester-united manchester-city aston-villa blackburn
middlesbrough southampton fulham charlton bolton leicester wigan sunderland leeds-united
wenger mourinho ferguson benitez eriksson henman federer nadal agassi roddick hewitt sharapova
davenport mauresmo radcliffe holmes wilkinson beckham rooney ronaldo ronaldinho zidane henry
lions all-blacks wallabies springboks ireland-coach england-coach
@2 match* cup league* champion* championship* coach* squad* captain* club* goal goals scorer* scored
season* title* team* injury injured fitness stadium* race races racing referee* fans final finals
semi* quarter* seed* seeded ranked ranking* lap laps pitch half-time kick* tackle* dribbl* coaching
transfer* signing* striker* premier sport sports sporting sportsman* sportswoman* player* win wins
winner* victory victories defeat* beat beaten draw drew unbeaten trophy trophies prize-money
@1 play played playing train* international* points point tactics crowd cheer* substitute* opponent*
"""
    ),
    "Business": _parse(
        """
@3 profit* shareholder* dividend* ipo earnings revenue* stock-market* share-price* nasdaq dow-jones ftse
nikkei dax merger* acquisition* takeover* bankrupt* insolven* gdp inflation interest-rate* central-bank
recession economist* economy economies economic* fiscal monetary bond* bondholder* currency currencies
dollar* sterling yen yuan renminbi exports imports exporter* importer* tariff* trade-deficit current-account
investor* investment* hedge-fund* analyst* quarterly pre-tax turnover retailer* retail* wholesale*
oil-price* opec crude barrel* brent shares stock stocks stockmarket equities traders trading
chief-executive* ceo* cfo chairman chairwoman boardroom board-member* annual-report* annual-results
federal-reserve fed greenspan imf world-bank wto g7 g8 eurozone euro-zone euro euros ecb
bank-of-england mpc budget-deficit deficit* surplus* debt* borrowing* lender* lending mortgage*
credit-card* consumer-spending house-price* housing-market property-market jobless unemployment
payroll* wage* salary salaries pension* privatis* privatiz* nationalis* subsid* antitrust monopoly
competition-commission regulator* ofcom ofgem ofwat sec fraud* accounting accountant* audit* auditor*
yukos gazprom worldcom enron parmalat lvmh boeing airbus ryanair easyjet british-airways tesco
sainsbury* marks-and-spencer m&s wal-mart walmart gm ford general-motors toyota nissan honda volkswagen
deutsche-bank hsbc barclays lloyds citigroup goldman morgan-stanley
@2 market* company companies firm firms business businesses bank banks banking banker* finance financial
sales sale price prices pricing cost costs consumer* customer* growth trade trading trader* industry
industries industrial manufactur* factory factories jobs job employ* employer* worker* workforce tax
taxes taxation budget* loan* fund funds asset* capital equity stake* deal deals contract* airline*
carrier* supermarket* brand* store stores chain* outlet* energy gas electricity steel car-maker*
carmaker* automaker* vehicle* oil exporter* commodit* gold output production producer* demand supply
forecast* outlook expansion slowdown downturn boom spending savings invest* valuation valued worth
@1 rise rises rose fell fall falls cut cuts billion bn million percent per-cent quarter year-on-year
annual figures rate rates product products offer* bid bids
"""
    ),
    "Politics": _parse(
        """
@3 election* electoral vote* voter* voting ballot* mp mps parliament* parliamentary labour tory tories
conservative* liberal-democrat* lib-dem* lib-dems democrat* republican* cabinet whitehall westminster
downing-street number-10 house-of-commons house-of-lords commons lords senate* senator* congress*
congressional legislat* manifesto* campaign* campaigner* candidate* party parties prime-minister
chancellor opposition referendum* constituenc* coalition* polls polling pollster* shadow
home-secretary foreign-secretary secretary-of-state minister ministers ministerial backbench* frontbench*
whip whips by-election general-election polling-day hustings peer peers lordship bill bills
blair brown howard kennedy blunkett clarke straw prescott milburn hague portillo letwin hewitt
reid kilroy-silk ukip snp plaid-cymru bnp green-party sinn-fein dup ulster-unionist* stormont
holyrood welsh-assembly scottish-parliament devolution home-office foreign-office treasury-minister
bush kerry white-house cheney rumsfeld
@2 government* govt policy policies political* politic* politician* leader leaders president* administration
secretary spokesman spokeswoman debate* committee* inquiry inquiries reform* proposal* asylum immigra*
terror* anti-terror* security civil-liberties id-card* identity-card* council* councillor* mayor* governor*
ministry ministries department* law laws lawmaker* legal legislation court courts judge* judicial
human-rights police-powers crime criminal* prison* sentenc* nhs school schools education teacher*
pupil* university-tuition tuition-fees top-up-fees welfare benefit* pensioner* council-tax union
unions trade-union* strike* protest* eu european brussels treaty constitution* sovereignt* diplomat*
public-services public-spending spending-review tax-cut* tax-rise*
@1 official officials public national state country people citizens voters community rights
"""
    ),
    "Technology": _parse(
        """
@3 software hardware internet online web website* broadband computer* computing pc pcs laptop* desktop*
smartphone* phone phones mobile mobiles handset* gadget* app apps microsoft apple google yahoo ibm intel
amd nokia motorola samsung linux windows mac macs ipod ipods itunes ebay amazon.com aol cyber* hacker*
hacking virus viruses malware spam* spammer* phishing spyware adware worm* trojan* firewall* encrypt*
digital video-game* videogame* games-maker* game-maker* gamer* gaming gameplay console* playstation
ps2 psp xbox nintendo gameboy game-boy ds handheld* sega ea-games electronic-arts wi-fi wifi wireless
bluetooth chip chips chipmaker* processor* semiconductor* silicon download* upload* file-sharing
filesharing peer-to-peer p2p napster kazaa bittorrent blog blogs blogger* blogging search-engine*
e-mail email emails browser* firefox mozilla dvd dvds hd high-definition tivo pvr iptv gigabyte*
megabyte* bandwidth robot* robotic* artificial-intelligence algorithm* datacentre* data-centre*
user* users net surfers web-surfers telecom* telecoms 3g vodafone o2 bt cable-and-wireless ofcom
voip skype podcast* rfid mp3 mp3s camera-phone* megapixel* pixel* screen* lcd plasma nanotech*
sun-microsystems oracle sap hewlett-packard hp dell lenovo sony-ericsson blackberry rim palm
technology technologies tech high-tech hi-tech gadgets innovat* programmer* developer* open-source
source-code code-named interface* multiplayer graphics virtual-reality simulation
data-breach* breach* hacked passwords cyberattack* cyber-attack* ransomware outage* customer-data
personal-data data-protection smartwatch* tablet* product-launch unveil* start-up* startup*
@2 network* device* devices video* camera* electronic* electronics operator* system systems engineer*
engineering virtual sensor* battery batteries storage data digital-music music-download* tv-on-demand
on-demand satellite-tv launch* service services feature* version* users' subscriber* subscription*
@1 content access information machine* programme*
"""
    ),
    "Entertainment": _parse(
        """
@3 film* movie* cinema* box-office oscar* academy-award* bafta* grammy* grammies emmy* golden-globe*
hollywood bollywood actor* actress* director* starring star-studded celebrit* album* chart* charts
band* singer* songwriter* song* music musician* musical* concert* gig* festival* theatre* theater*
broadway west-end comedy comedian* comedies drama* sitcom* soap* documentar* novel* novelist* author*
book books literary poet* poetry artist* art-gallery exhibition* museum* premiere* screen-writer*
screenplay* sequel* soundtrack* rapper* hip-hop pop rock rock-and-roll jazz dance* dancer* ballet opera*
orchestra* record-label* eurovision x-factor pop-idol reality-tv reality-show* tv-show* chat-show*
talk-show* eastenders coronation-street big-brother i'm-a-celebrity blockbuster* studio* studios
producer* screen box-office cast casting role roles starred stars star u2 elton madonna robbie-williams
kylie beyonce eminem spielberg scorsese dicaprio depp cruise kidman pitt jolie aniston clooney
harry-potter lord-of-the-rings star-wars spider-man bbc-one bbc-two itv channel-4 channel-five sky-one
@2 tv television channel* broadcaster* broadcast* viewers audience* series episode* award* awards
nominat* ceremony* prize* entertainment script* hit hits record recorded recording* release* released
label* perform* performance* performer* stage* glamour fashion designer* model* magazine* royalt*
show shows fans singer's tour touring
@1 popular famous character* comedy-drama story
"""
    ),
    "Science": _parse(
        """
@3 scientist* research* researcher* laboratory laboratories lab labs experiment* physics physicist*
chemistry chemist* biology biologist* astronom* astrophysic* nasa esa space spacecraft* space-station
planet* mars moon lunar telescope* galaxy galaxies asteroid* comet* orbit* rocket* cosmolog* species
evolution* fossil* dinosaur* palaeontolog* paleontolog* genome* gene genes genetic* dna climate-change
global-warming greenhouse-gas* carbon-dioxide co2 ecolog* biodiversity archaeolog* quantum particle*
molecul* stem-cell* cloning clone* scientific
@2 discover* discovery journal nature theory evidence environment* environmental* climate ocean*
sea-level* glacier* wildlife animal* plant plants earth study studies
"""
    ),
    "Health": _parse(
        """
@3 health healthcare hospital* patient* doctor* nurse* disease* cancer* tumour* tumor* diabetes obesity
heart-attack* heart-disease vaccine* vaccinat* flu influenza bird-flu pandemic* epidemic* infection*
infectious outbreak* surgeon* surgery clinic* clinical medic* medicine* drug-trial* treatment* therapy*
therapies symptom* diagnos* mental-health depression alzheimer* dementia hiv aids malaria tuberculosis
mrsa superbug* smoking smokers alcohol-related nutrition* dietary gp gps pharmac* prescription*
illness* nhs-trust* a&e waiting-list*
@2 care sick dose* blood pain drug drugs diet ill medical
"""
    ),
    "World": _parse(
        """
@3 war military troops soldier* army armies militant* insurgent* insurgency rebel* ceasefire* refugee*
embassy* ambassador* diplomat* diplomatic* united-nations un nato summit* sanctions nuclear missile*
iraq* iran* syria* israel* palestinian* gaza west-bank afghanistan* taliban pakistan* kashmir darfur
sudan* kremlin beijing moscow tehran baghdad kabul jerusalem tsunami earthquake genocide hostage*
kidnap* suicide-bomb* car-bomb* al-qaeda bin-laden zarqawi falluja* mosul basra ukrain* yushchenko
yanukovych putin chechen* sharon arafat abbas mugabe zimbabwe* north-korea* pyongyang
quake* tremor* aftershock* magnitude seismolog* landslide* mudslide* rubble death-toll evacuat*
floodwater* flooding monsoon typhoon* cyclone* wildfire* drought famine displaced rescuer* rescue-team*
@2 foreign international border* conflict* attack* bomb* bombing* killed dead deaths flood* hurricane*
crisis aid humanitarian regime* coup* capital president* africa* asia* middle-east disaster* rescue*
relief storm* rainfall homeless injured victims
"""
    ),
}

# Arabic seeds, written without the article or prefixes (text words are stripped of "ال", "و", "ب"...).
ARABIC_LEXICON: dict[str, dict[str, float]] = {
    "Sports": _parse(
        "@3 كرة القدم مباراة* مباريات دوري كأس منتخب* لاعب* هدف* أهداف ملعب* بطولة* بطل* نادي* "
        "مدرب* تعادل فوز* هزيمة الأولمبية أولمبي* رياضة رياضي* تنس سباق* ركلة حارس "
        "@2 فريق* جمهور* مشجع* الشوط الموسم"
    ),
    "Business": _parse(
        "@3 اقتصاد* اقتصادي* شركة* شركات أسهم سهم بورصة أسواق سوق* استثمار* مستثمر* أرباح "
        "إيرادات فائدة الفائدة تضخم التضخم بنك* مصرف* عملة* صادرات واردات نفط* برميل أوبك "
        "استحواذ اندماج صفقة* تجارة* تجاري* ميزانية ديون دين قرض* "
        "@2 أسعار سعر مليار مليون نمو بطالة وظائف الناتج المحلي الاجمالي"
    ),
    "Politics": _parse(
        "@3 انتخابات انتخابي* الانتخابات برلمان* البرلمان نائب* نواب حزب* أحزاب حكومة* الحكومة "
        "وزير* وزارة* رئيس* الرئاسة رئاسي* تصويت ناخب* اقتراع مرشح* معارضة المعارضة دستور* "
        "قانون* محكمة* قاضي* سياسي* سياسة "
        "@2 مجلس* الشعب المواطنين احتجاج* مظاهر*"
    ),
    "Technology": _parse(
        "@3 تكنولوجيا تقنية تقني* إنترنت الإنترنت هاتف* هواتف حاسوب* كمبيوتر برمجيات برنامج* "
        "تطبيق* اختراق* قراصنة قرصنة بيانات إلكتروني* الكتروني* رقمي* ذكي* الذكاء "
        "الاصطناعي شبكة* شبكات اتصالات سيبراني* جهاز* أجهزة "
        "@2 مستخدم* منصة* موقع*"
    ),
    "Entertainment": _parse(
        "@3 فيلم* أفلام سينما* السينما ممثل* ممثلة مخرج* مهرجان* عرض* مسلسل* أغنية* أغاني "
        "مطرب* مطربة فنان* فنانة موسيقى* موسيقي* حفل* ألبوم مسرح* مسرحية رواية* كاتب* "
        "جائزة* جوائز نجم* نجمة"
    ),
    "Science": _parse(
        "@3 علماء عالم* علمي* علوم دراسة* بحث* باحث* الباحثين فضاء* الفضاء كوكب* مركبة* "
        "صاروخ* تلسكوب* القمر المريخ مناخ* المناخ تجربة* جامعة* مختبر*"
    ),
    "Health": _parse(
        "@3 صحة* الصحة صحي* مستشفى* مستشفيات مريض* مرضى طبيب* أطباء مرض* أمراض وباء* فيروس* "
        "لقاح* علاج* دواء* أدوية سرطان* إنفلونزا عدوى إصابات تفشي سلالة"
    ),
    "World": _parse(
        "@3 زلزال* الزلزال هزة* فيضان* فيضانات سيول إعصار* كارثة* ضحايا قتلى قتيل* جرحى إنقاذ "
        "لاجئ* نازح* حرب* الحرب جيش* الجيش قوات عسكري* صواريخ غارة* هدنة سفارة* سفير* "
        "الأمم المتحدة دولي* دولية"
    ),
}
