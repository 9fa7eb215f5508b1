"""Seed vocabularies per category: the words and phrases an editor would describe each section with.

Written here from the taxonomy in categories.py and general knowledge of what each section of a news
site covers, in English and Arabic. Not learned from any labelled corpus.

Format: whitespace-separated entries; "@N" sets the weight of the entries that follow it:
3 = nearly decisive ("goalkeeper"), 2 = strong ("election"), 1 = suggestive ("market"), 0.5 = weak
evidence found in many kinds of story. A trailing "*" matches any ending ("footballer*"), so prefixes
are kept long enough not to catch unrelated words ("concert" not "concert*": "concerted").
Words joined by "-" form a phrase matched on consecutive words ("interest-rate*" matches "interest
rates"). Plain entries also match their plural and possessive ("striker" matches "strikers",
"striker's"). A word may sit in several categories with different weights.
"""

from __future__ import annotations


def _parse(spec: str) -> dict[str, float]:
    out: dict[str, float] = {}
    weight = 1.0
    for tok in spec.split():
        if tok.startswith("@"):
            weight = float(tok[1:])
        else:
            out[tok.casefold()] = weight
    return out


LEXICON: dict[str, dict[str, float]] = {
    "Sports": _parse(
        """
@3 football footballer* footballing soccer cricket cricketer* rugby tennis golf golfer* athletics
olympic* olympian* paralympic* midfielder* goalkeeper* goalie goalscorer* batsman batsmen wicket*
wicketkeeper* innings bowled batting umpire* semi-final* quarter-final* semifinal* quarterfinal*
premier-league champions-league europa-league world-cup fa-cup league-cup la-liga serie-a bundesliga
wimbledon us-open french-open australian-open grand-prix formula-one motogp nascar boxing boxer*
wrestling wrestler* marathon* triathlon* decathlon heptathlon javelin pole-vault sprinter* hurdler*
gymnast* ice-hockey hockey basketball baseball volleyball handball snooker nba nfl mlb nhl fifa
uefa ioc wada touchdown* quarterback* linebacker* running-back home-run* playoff* play-off*
half-time hat-trick clean-sheet offside penalty-kick penalty-shootout penalty-spot free-kick*
corner-kick stoppage-time injury-time extra-time relegat* transfer-window transfer-fee unbeaten
winless scoreless equaliser equalizer athlete* sportsman sportsmen sportswoman sportswomen
tour-de-france cyclist* jockey* racecourse horse-racing grand-national pole-position pit-stop
anti-doping test-match* one-day-international twenty20 tie-break* atp wta pga birdie* bogey*
fairway* putt putted fly-half scrum-half lineout six-nations all-blacks springboks wallabies
ryder-cup davis-cup super-bowl world-series stanley-cup commonwealth-games world-championship*
gold-medal* silver-medal* bronze-medal* medallist* medalist* skier* skiing snowboard*
figure-skating swimmer* pitcher* inning head-coach rookie* mvp slam-dunk first-baseman baseman
shortstop* outfielder* infielder* slugger* batting-average winter-meetings spring-training trade-deadline
wide-receiver* defensive-tackle* defensive-end* tight-end* cornerback* lineman linemen ibf wbc wba wbo
title-fight* off-season offseason pre-season preseason season-ending
@2.5 striker
@2 sport sports sporting league leagues tournament* championship* trophy trophies title-race
fixture* kick-off scored scoring goal goalless defender* team-mate* teammate* captain skipper match
matches finals cup doping steroid* coaching coached medal podium lap racing seeded top-seed
grand-slam middleweight* welterweight* knockout* manchester-united man-utd manchester-city man-city
chelsea tottenham liverpool-fc everton aston-villa newcastle-united real-madrid juventus bayern
ac-milan inter-milan yankees red-sox lakers dodgers all-star injured-reserve free-agency draft-pick*
stadium
@1.5 squad coach heavyweight* arsenal club clubs champion champions bout sidelined hamstring premiership
knocked-out pitching
@1 team teams fans spectators supporters victory defeat defeated win wins winner winners beat
final game games player players pitch injury season record-breaking set-piece kick kicked header
penalty penalties tour signing general-manager knee-injury ankle-injury undisputed belts
@0.5 won draw points score scores
"""
    ),
    "Business": _parse(
        """
@3 shareholder* share-price* stock-market* stock-exchange* stockmarket* investor* profit* pre-tax
earnings dividend* economist* gdp gross-domestic-product recession* inflation deflation interest-rate*
central-bank* federal-reserve bank-of-england european-central-bank monetary mortgage* housing-market
house-prices jobless-rate* unemployment-rate* payroll* currency currencies exchange-rate* forex
bond-yield* wall-street nasdaq dow-jones ftse nikkei merger* takeover* buyout* ipo flotation
bankrupt* insolven* chief-executive* ceo cfo boardroom retailer* retail-sales consumer-spending
consumer-confidence year-on-year trade-deficit trade-surplus current-account oil-price* crude opec
commodit* carmaker* car-maker* automaker* insurer* lender* hedge-fund* private-equity venture-capital
layoff* job-cuts redundancy redundancies annual-results quarterly-results market-share
economic-growth economies imf world-bank subprime fiscal-year pension-fund* stakeholder*
finance-director managing-director board-of-directors oil-producer* profit-warning
@2 shares stocks stock investment investments investing invested revenue* turnover sales economy
economic economics unemployment jobless jobs-market labour-market labor-market wage wages pay-rise*
salaries dollar* euros sterling yen yuan rupee* peso* bonds treasuries trader* trading traded
markets acquisition* bidder* corporation* corporate conglomerate*
subsidiar* bankers banking financial finance finances fund-manager* asset* valuation*
quarterly tariff* exports export exporter* imports import importer* trade-talks free-trade barrel*
gas-prices energy-prices fuel-prices petrol-prices airline airlines supermarket* brand brands
consumers consumer manufacturing manufacturer manufacturers factory factories industrial
industries productivity supply-chain* entrepreneur* small-business* businesses businessman
businessmen businesswoman tycoon* shopper* high-street retail retailing insurance regulator*
antitrust monopoly auditor* accountant* accounting invoice* prices pricing price-rise* workforce
bonus* loan loans lending borrowing borrower* credit-card* deficit budget-deficit tax-rate*
corporation-tax vat oil gas utility utilities mining miners steel drugmaker* drug-maker*
billionaire* multinational* cost-cutting downturn slump slowdown boom cryptocurrenc* bitcoin*
digital-marketing net-profit* net-income single-currency single-market accounting-scandal
@1.5 bank banks banker debt debts pension pensions startup* start-up company companies firm firms trade
stake brewer* brewery
@1 business market price sold sell selling buy buying bought growth jobs workers employment
employer* employee* pay salary income tax taxes spending cost costs sector industry output demand
supply goods services store stores shop shops chain franchise property properties
housing savings savers rates rate forecast forecasts outlook margins deal deals contract contracts
directors producers analyst* executive executives chairman fraud bid
@0.5 customer* product products rise fell fall rose gains losses loss figures billion million trillion per-cent percent
"""
    ),
    "Politics": _parse(
        """
@3 election* electoral re-election reelection by-election* general-election voter* ballot* polling
opinion-poll* polling-station* constituenc* manifesto* referendum* parliament* mps mep meps
lawmaker* legislat* senate senator* congressional congressman congresswoman congressmen
house-of-commons house-of-lords tory tories liberal-democrat* lib-dem* libdem* republican* gop ukip
snp plaid-cymru green-party labour-party conservative-party democratic-party republican-party
shadow-chancellor shadow-cabinet shadow-secretary shadow-minister home-secretary home-office
downing-street whitehall westminster capitol-hill white-house presidential presidency impeach*
filibuster* backbench* frontbench* midterm* caucus* primaries incumbent* partisan bipartisan
nonpartisan cross-party political politician* politics politically devolution devolved
party-leader* party-conference* spin-doctor* lobbyist* lobbying supreme-court high-court
court-of-appeal judiciary judicial constitution constitutional civil-liberties civil-servant*
civil-service public-spending spending-review welfare-reform tax-cut* tax-rise* asylum-seeker*
id-card* identity-card* gun-control centre-left centre-right center-left center-right left-wing
right-wing governorship statehouse secretary-of-state attorney-general justice-secretary
cabinet-minister* cabinet-office public-sector public-services opposition-leader* council-tax
@2.5 mp
@2 vote votes voted voting poll polls candidate* minister* ministerial ministry government
governments governmental governing cabinet mayor* councillor* councilor* council councils labour
conservative* democrat* democracy democracies opposition coalition chancellor prime-minister mandate
inauguration veto* amendment* law laws legal legislation court courts ruling verdict jury
prosecutor* prosecution defendant* sentenced convicted acquitted lawsuit* policy policies reform
reforms regulation regulations taxpayer* welfare immigration immigrant* asylum migrant* abortion
same-sex-marriage civil-rights human-rights police policing crime crimes criminal think-tank*
ideology ideological populis* socialist* liberal* leftist* rightist* nationalist* federal
state-department inquiry scandal* sleaze resign resigned resignation resigns u-turn whip whips
lords commons minimum-wage pensioners tuition-fees
@1.5 campaign campaigning campaigned bill bills judge judges governor* murder murders murdered
murderer* homicide* manslaughter arrested arrest charged suspect suspects shooting shootings gunman
stabbing* stabbed robbery robberies robber* burglar* burglary theft jailed prison prisons prisoner*
inmate* sheriff* detective* pleaded-guilty pleaded-not-guilty first-degree life-sentence death-penalty
death-sentence district-attorney arraign* indict* trial attorney attorneys
@1 party parties president leader leaders act appeal speaker peer peers nomination lawyer lawyers
@0.5 debate critics proposals deputy secretary hearing testimony
"""
    ),
    "World": _parse(
        """
@3 ceasefire* cease-fire* truce peace-talks peace-deal peace-process peacekeep* troops soldier*
militia* militant* insurgen* guerrilla* jihad* suicide-bomb* suicide-attack* airstrike* air-strike*
air-raid* missile* nuclear-weapon* artillery shelling invasion invaded refugee* humanitarian famine
genocide massacre* atrocit* war-crime* embargo* diplomat* diplomacy embass* envoy* foreign-minister*
foreign-ministry foreign-policy foreign-secretary foreign-affairs foreign-office united-nations
security-council general-assembly nato kremlin regime dictator* junta coup dissident* hostage*
warship* sovereignty separatist* secession* sectarian shia shiite* sunni* taliban al-qaeda al-qaida
hamas hezbollah isis isil islamic-state gaza west-bank palestin* baghdad kabul damascus pyongyang
north-korea* kashmir darfur tehran tsunami* earthquake* quake quakes aftershock* death-toll rescuers
rescue-workers relief-effort* aid-agenc* aid-worker* red-cross red-crescent displaced-people
civil-war martial-law state-of-emergency weapons-inspector* wmd proliferation intifada guantanamo
abu-ghraib middle-east mideast war-torn conflict-zone* uprising* crackdown* gunmen ambush* clashes
rebel-held government-forces security-forces armed-forces peacekeeper* bilateral multilateral
@2 war wars warfare conflict conflicts army armies military militar* rebel* terroris* terror bomb
bombs bombing* bomber* weapons arms invade occupation occupied sanctions treaty treaties summit*
ambassador* embassy un overseas abroad border borders territory territorial ethnic evacuat* flood*
floodwater* cyclone* typhoon* hurricane* landslide* mudslide* volcano* disaster* rubble casualties
survivors displaced demonstrator* riot* clashed navy naval air-force kidnap* israel* iraq* iran*
afghan* syria* ukrain* chechen* sudan* somali* congo* nigeria* zimbabwe* yemen* libya* lebanon
lebanese balkan* serbia* bosnia* kosovo* beijing moscow jerusalem kiev kyiv myanmar burma haiti*
g8 g7 g20 world-leaders latin-america* convoy* checkpoint* human-rights burst-banks burst-its-banks
burst-their-banks
@1.5 foreign aid independence protesters protests protest fighting fighters pirates russia* nuclear
uranium enrichment european-union
@1 attack attacks offensive piracy international eu african africa asian asia killed wounded
@0.5 dead deaths death region regional countries country nations global world president leader
crisis tensions threat threats security allies ally europe european china chinese india indian
pakistan* japan japanese korea* south-africa* mexico
"""
    ),
    "Technology": _parse(
        """
@3 software internet computer computers computing computerised computerized browser* search-engine*
spam phishing malware ransomware spyware adware hacker* hacking hacked cyber* data-breach*
encryption encrypted password* firewall* data-centre* data-center* cloud-computing database*
artificial-intelligence machine-learning chatbot* chipmaker* microchip* semiconductor*
silicon-valley gadget* smartphone* mobile-phone* handset* cellphone* iphone* ipod* ipad* android
laptop* pcs touchscreen* megapixel* broadband wi-fi wifi wireless bluetooth telecom*
telecommunication* mobile-network* app-store file-sharing peer-to-peer p2p drm mp3* podcasting
blogger* blogging blogosphere social-network* microsoft google intel ibm nokia nintendo
playstation* xbox sega skype linux macintosh open-source programmer* source-code video-game*
videogame* games-console* gamer* multiplayer virtual-reality digital-camera* usb chipset*
gigabyte* terabyte* megabyte* bandwidth isp isps internet-service-provider* dot-com*
consumer-electronics tech-firm* technology-firm* tech-giant* hi-tech high-tech online-game*
computer-game* computer-virus* e-mail* email* operating-system* web-site* website* web-browser*
net-users web-users internet-users download* upload* games-maker* broadband-users undersea-cable*
submarine-cable* fibre-optic* fiber-optic* internet-traffic net-access connectivity blockchain* web3
data-analytics big-data saas api apis generative-ai llm llms chatgpt openai nvidia gpu gpus
cryptocurrenc* bitcoin* ecommerce smart-home anti-virus antivirus handheld* psp 3g voip rss sms
text-messag* digital-tv digital-television tivo pvr hard-drive* hard-disk* games-industry
games-developer* game-developer* games-publisher*
@2.5 technology ai
@2 tech technologies technological hardware digital digitally web phone phones mobile mobiles
device devices gaming console consoles robot* automation processor* silicon pixel* screen-size app
apps interface* gps satellite-tv streaming blog blogs social-media facebook twitter instagram tiktok
youtube myspace samsung dell hewlett-packard oracle cisco yahoo ebay aol napster itunes firefox
algorithm* coding electronics sensor sensors self-driving electric-car* hi-fi high-definition hdtv
dvd-player* set-top-box* e-commerce piracy server* computing-power camera-phone* pc outage*
@1.5 online apple sony mac copyright users user chip chips crypto analytics nft nfts seo platform platforms offline
@1 amazon windows network networks networking virus viruses worm worms trojan* bug bugs glitch*
patch patches vulnerabilit* cloud data drone* developer* developers programming tablet tablets
innovation* innovative upgrade* beta video camera cameras screen screens battery batteries charger*
version versions engineer* engineering digital-music television-set* privacy identity-theft
surveillance tool tools podcast* net security-firm* operators ds
@0.5 launch launched games game features
"""
    ),
    "Science": _parse(
        """
@3 scientist* science scientific physics physicist* chemistry biology biologist* geolog* astronom*
astrophysic* cosmolog* spacecraft space-station astronaut* cosmonaut* nasa telescope* hubble orbit*
planet* planetary lunar solar-system comet* asteroid* meteor meteors meteorite* big-bang quantum
genome* evolutionary species fossil* dinosaur* archaeolog* climate-change global-warming
greenhouse-gas* carbon-dioxide co2 environmentalist* biodiversity ecosystem* habitat* endangered
extinct* extinction rainforest* deforestation coral glacier* ice-sheet* sea-level* antarctic*
mammal* primate* chimpanzee* zoolog* botanist* botanical entomolog* ornitholog* paleontolog*
palaeontolog* microscope* molecule* molecular peer-reviewed hypothesis particle-physics
particle-accelerator* space-agency space-probe* mission-control space-telescope wildlife
conservationist* marine-life observatory black-hole*
@2.5 mars
@2 climate environment environmental pollution pollutant* conservation emissions carbon renewable*
solar-power wind-farm* wind-power ocean* arctic ecolog* laboratory laboratories lab labs findings
discovery discoveries genetic* gene genes evolution animal* bird birds insect* whale* dolphin*
shark* mathematic* meteorolog* rocket rockets launchpad satellite* universe particle* atom atoms
atomic neutron* proton* electron electrons neuroscien* brain-scan* specimen* galaxy galaxies
experiment*
@1.5 moon researchers research dna rover
@1 space probe ancient excavat* sample samples journal professor academic* university universities
study studies theory observations fieldwork nature
@0.5 natural earth water weather temperatures temperature heat energy sun ice forest forests river
rivers sea seas lake land plants
"""
    ),
    "Health": _parse(
        """
@3 healthcare health-care hospital hospitals hospitalised hospitalized hospitalisation
hospitalization patient* physician* surgeon* surgery surgical clinic* medical medicine medicines
medication* prescription* prescribed pharmacist* vaccin* immunis* immuniz* disease* illness*
symptom* diagnos* therapy therapies infection* infectious bacteria* bacterial superbug* mrsa flu
influenza bird-flu pandemic* epidemic* covid* coronavirus* ebola hiv malaria tuberculosis measles
polio cholera mpox cancer* tumour* tumor* chemotherapy radiotherapy diabet* obesity obese
heart-disease heart-attack* dementia alzheimer* asthma mental-health public-health
world-health-organization world-health-organisation nhs epidemiolog* antibiotic* antibod* dosage
placebo insulin psychiatr* nurse nurses nursing midwi* intensive-care icu waiting-list*
waiting-time* dentist* dental organ-donor* transplant* ivf blood-pressure cholesterol
clinical-trial* life-expectancy care-home* medicare medicaid vitamin* nutrition* calorie*
weight-loss bmi glp-1 ozempic wegovy painkiller* anaesthe* anesthe* outpatient* inpatient*
pathogen* contagious quarantine* cardiac cardiolog* oncolog* paediatric* pediatric* neurolog*
immune
@2 health doctor doctors treatment* cure cures virus viruses infected outbreak* pharmacy pharmacies
pharmaceutical* vaccine-maker* depression anxiety autism adhd smoking smoker* tobacco cigarette*
alcohol binge-drinking addiction* overdose* pregnant pregnancy pregnancies maternity newborn*
fertility abortion-pill disorder disorders syndrome* dose doses side-effect* wellbeing well-being
wellness mindfulness insomnia healthy unhealthy diet diets dieting nutrients obesity-rate* carer*
caregiver* mortality death-rate* medic medics medically genetic-test* ambulance* paramedic*
emergency-department health-service* health-insurance health-officials health-ministry
health-secretary immune-system gp
@1.5 drug drugs aids fitness exercise chronic acute meditation elderly ageing aging disabilit*
biotech* infants care
@1 treat treated treating stroke strokes blood sleep pain protein* sugar fat fats screening
screened ward wards risk risks trial trials kidney* liver lungs heart brain
@0.5 study studies researchers scientists skin bone bones eye eyes weight sick sickness ill cases rehab
"""
    ),
    "Entertainment": _parse(
        """
@3 films film-maker* filmmaker* movie* cinema* box-office hollywood bollywood oscar oscars
academy-award* bafta* golden-globe* emmy emmys grammy grammys brit-award* premiere* actress*
starring starred celebrit* screenplay* screenwriter* sequel* prequel* remake* blockbuster*
animation documentary documentaries comedy comedies comedian* sitcom* soap-opera* showbiz
talk-show* reality-tv reality-show* talent-show* audition* musician* singer* songwriter* song songs
album albums singles-chart top-40 rapper* hip-hop jazz classical-music opera operas orchestra
orchestras orchestral concert concerts record-label* lyrics guitar guitars guitarist* drummer*
vocalist* eurovision x-factor novels novelist* bestseller* best-seller* literary poet poets poetry
artwork* painter* sculpture sculptures sculptor* ballet dancer* choreograph* supermodel*
red-carpet paparazzi entertainment entertainer* soundtrack* composer* biopic* romcom superhero*
pixar netflix hbo disney miramax tv-series tv-show* tv-drama* screen-actor* film-festival*
music-festival* cannes sundance pop-star* rock-star* pop-music rock-music boy-band* girl-band*
music-industry record-company box-set* dvd-sales pinup* pin-up starlet* heartthrob* stardom
publicist* sex-symbol* celeb celebs screen-legend silver-screen technicolor eastenders
coronation-street doctor-who pop-idol strictly-come-dancing opening-weekend grossed
@2.5 actor actors fiction
@2 film music musical musicals tv television broadcaster* viewers sitcoms superstar* directed
studio studios cartoon* comic comics manga anime festival* presenter* bands rap dj gig gigs touring
chart charts novel animated drama dramas episode* gallery galleries theatre theatres theater
theaters museum* dancing celebrity thriller* magazine magazines tabloid* gossip music-video* dvd
dvds idol a-list party-girl singles big-brother
@1.5 rehab broadcast broadcasts broadcasting audience* stars band book books author authors publisher*
publishing arts artist* painting* exhibition* dance fashion award awards nominations streaming
@1 star fame famous director producer show shows host hosted hosting rock pop divorce* wedding
romance nominated ceremony fans script scripts role roles character characters performance
performances perform performed performer* audiences radio talent prize prizes art cast casting
trailer trailers designer* video podcast* series soap number-one
@0.5 play stage icon single channel
"""
    ),
    "General": _parse(
        """
@3 firefighter* fire-fighter* fire-crew* fire-brigade fire-engine* fire-service arson* recipe*
gardening home-improvement interior-design horoscope* drink-driving drunk-driving drunk-driver*
road-accident* car-crash* traffic-accident* weather-forecast heatwave snowfall catering caterer*
plumbing plumber* furniture renovation* remodel* home-decor houseplant* woodworking backpacking
wedding-planning bride* bridal homeowner* living-room
@2 blaze blazes fire fires flames smoke gutted collision motorist* pedestrian* dui cooking baking
gardener* diy skincare makeup puppy puppies pets travel vacation* holidaymaker* lottery restaurant*
dining chef chefs cuisine hotel hotels resort resorts traveller* traveler* hiking camping
wine wines coffee espresso decor kitchen kitchens bathroom* bedroom* wedding weddings hobby hobbies
crafts parenting gardens dog dogs
@1 weather rain snow wind temperatures holiday garden accident food guests menu menus beauty
@0.5 crash home homes family
"""
    ),
}

# Arabic seeds, each written as it appears after the article or a leading conjunction is removed
# (the classifier strips "ال", "وال", "بال"... from both these entries and the text)
ARABIC_LEXICON: dict[str, dict[str, float]] = {
    "Sports": _parse(
        """
@3 كرة-القدم كرة-السلة كرة-اليد كرة-الطائرة مباراة مباريات لاعب* منتخب* بطولة* دوري كأس ملعب* مدرب*
هداف* ركلة* تسلل شوط* الاولمبي* اولمبي* ميدالي* فيفا يويفا تنس ملاكم* فورمولا رياضي* رياضة الرياضة
ريال-مدريد برشلونة نصف-النهائي ربع-النهائي المونديال مونديال حارس-مرمى مرمى تعادل* الانتقالات
@2 فريق* نادي* اندية الاندية هدف* اهداف فوز* فاز هزيمة خسر* تأهل* التاهل سباق* الجماهير مشجع* موسم
لقب النهائي جولة الدور بطل* ابطال رياضيين اللاعبين
@1 جمهور الفريق المنافسه منافسه نتيجه
"""
    ),
    "Business": _parse(
        """
@3 اقتصاد* بورصه البورصة اسهم سهم ارباح ربح* ايرادات مبيعات تضخم فائده سعر-الفائده البنك-المركزي
مصرف* مصارف استثمار* مستثمر* نفط برميل اوبك عمله عملات الدولار الدينار الجنيه صادرات واردات
ميزانيه عجز ديون قرض قروض بطاله الناتج-المحلي ركود استحواذ اندماج الرئيس-التنفيذي مساهم* سندات
ضرائب ضريبه التجاره تجاري* اسواق السوق-الماليه الاسواق المستهلكين اسعار-النفط
@2 سوق اسعار سعر بنك* الذهب الطاقه وظائف اجور نمو صفقه صفقات تجار* صناعه صناعي* مصنع*
المصانع منتج* انتاج الاستثمار التمويل تمويل الموازنه
@1.5 شركه شركات
@1 ارتفاع انخفاض ارتفعت انخفضت تراجع* نسبه
@0.5 مليار مليون
"""
    ),
    "Politics": _parse(
        """
@3 انتخاب* انتخابي* الناخبين ناخب* تصويت اقتراع صناديق-الاقتراع برلمان* مجلس-النواب مجلس-الشيوخ
مجلس-الشوري مجلس-الامه نواب حزب* احزاب الاحزاب المعارضه مرشح* رئاسي* دستور* استفتاء تشريع*
الحكومه حكومه حكومي* رئيس-الوزراء وزير* الوزراء سياسي* السياسه محكمه المحكمه القضاء قاضي* قضائي*
محاكمه ائتلاف الكونغرس البرلمانيه
@2 قانون* قوانين وزاره الرئيس حملة حمله اصلاح* الشرطه قرار* النيابه المدعي محامي* الحكم حكم
@1 مسؤول* رئيس قال الدوله الوطني* مجلس
"""
    ),
    "World": _parse(
        """
@3 حرب الحرب نزاع صراع* هدنه وقف-اطلاق-النار وقف-اطلاق جيش* الجيش القوات قوات عسكري* جنود جندي قصف
غاره غارات صاروخ* صواريخ تفجير* مسلح* متمرد* لاجي* لاجيين نازح* مساعدات-انسانيه انسانيه
الامم-المتحده مجلس-الامن دبلوماسي* سفير سفاره مفاوضات زلزال* فيضان* فيضانات سيول اعصار كارثه
اغاثه الصليب-الاحمر الهلال-الاحمر الناتو عقوبات غزه فلسطين* اسراييل* سوريا العراق اليمن
السودان ليبيا لبنان اوكرانيا روسيا ايران دولي* الخارجيه انفجار هجوم ضحايا قتلى جرحى الانقاذ
@2 مساعدات قمه محادثات اجتماع-دولي المنطقه الاقليم* حدود الحدود اجلاء ناجين المنكوبين الدمار
@1 قتل قتيل مقتل اصابه الدول العالم
"""
    ),
    "Technology": _parse(
        """
@3 تكنولوجيا التكنولوجيا تقنيه تقني* هاتف* هواتف حاسوب* كمبيوتر* الانترنت انترنت برمجيات
الذكاء-الاصطناعي اصطناعي* قرصنه قراصنه سيبراني* الامن-السيبراني الكتروني* رقمي* روبوت* خوارزمي*
الهاتف-الذكي هواتف-ذكيه شريحه رقاقه رقايق معالج* الجيل-الخامس تطبيق* منصه منصات بيانات البيانات
اختراق مستخدم* جوجل غوغل ابل مايكروسوفت سامسونج هواوي
@2 جهاز اجهزه بطاريه شاشه الكاميرا كاميرا شبكه شبكات الاتصالات اتصالات سحابي* الابتكار ابتكار*
ذكي ذكيه برنامج برامج
@1 اطلاق اصدار نسخه
"""
    ),
    "Science": _parse(
        """
@3 العلماء علماء علمي* الفضاء فضاء* مسبار كوكب* المريخ ناسا تلسكوب* مدار* المناخ مناخ* الاحتباس-الحراري
انبعاثات الكربون البييه بييه بيي* انقراض احافير حفريات جينات جيني* الحمض-النووي فيزياء كيمياء
احياء فلك* مركبه-فضاييه رواد-الفضاء رائد-فضاء الحيوانات-البريه
@2 باحث* الباحثين ابحاث بحث* دراسه دراسات جامعه الجامعه مختبر* تجربه تجارب اكتشاف* التلوث تلوث
الطاقه-المتجدده الحيوانات حيوان* نبات* المحيط* البحار القمر
@1 علم العلم ارض الارض
"""
    ),
    "Health": _parse(
        """
@3 الصحه صحي* مستشفى* مستشفيات المرضى مريض* مرض* امراض طبيب* اطباء الطبي* طبي* علاج* دواء* ادويه
لقاح* تطعيم* فيروس* وباء جايحه عدوى السرطان سرطان السكري الانفلونزا كورونا كوفيد منظمه-الصحه-العالميه
جراحه جراحي* التمريض ممرض* عياده اعراض تشخيص التغذيه السمنه الكوليرا الحصبه الملاريا تفشي الصحه-العامه
وزاره-الصحه وزير-الصحه
@2 صحه اصابات اصابه حالات القلب الدم الغذاء جراح* الرعايه
@1 وفاه وفيات حاله
"""
    ),
    "Entertainment": _parse(
        """
@3 فيلم* افلام الافلام السينما سينما* سينمايي* مهرجان* ممثل* ممثله الممثل الممثله مخرج* اخراج مسلسل*
الدراما دراما* التلفزيون تلفزيون* تلفزيوني* الموسيقى موسيق* اغنيه* اغاني مطرب* مغني* ألبوم البوم
الاوسكار اوسكار فنان* الفنان الفنانه الفنون مسرح* روايه روايات روايي* شاعر* هوليوود بوليوود المشاهير
مشاهير شباك-التذاكر العرض-الاول نجوم-السينما
@2 حفل* جايزه جوايز نجم* النجوم الفن فن الكاتب كاتب* معرض* شعر* الجمهور عرض
@1 مشاهده برنامج
"""
    ),
}
