"""Word lists for tagging: English and Arabic stopwords, common verbs, boilerplate and calendar words.

Written here by hand. Candidate phrases never contain a stopword or a common verb form, and hashtags
never consist of boilerplate or calendar words alone.
"""

from __future__ import annotations


def words_of(text: str) -> frozenset[str]:
    return frozenset(text.split())


EN_STOPWORDS = words_of("""
a about above across after afterwards again against ago ahead all almost alone along already also although
always am among amongst an and another any anybody anyone anything anyway anywhere are around as at away
back be became because become becomes becoming been before beforehand behind being below beside besides
between beyond both but by can cannot could did do does doing done down during each either else elsewhere
enough especially even ever every everybody everyone everything everywhere except few first for former
formerly from further furthermore had has have having he hence her here hereby herein hers herself him
himself his how however i if in indeed instead into is it its itself just last later latter least less
lest let many may me meanwhile might mine more moreover most mostly much must my myself namely neither
never nevertheless next no nobody none noone nor not nothing now nowhere of off often on once one only
onto or other others otherwise our ours ourselves out over own per perhaps quite rather really same
second several shall she should since so some somebody somehow someone something sometime sometimes
somewhat somewhere still such than that the their theirs them themselves then thence there thereafter
thereby therefore therein these they third this those though through throughout thru thus to together
too toward towards under until unless up upon us very via was we well were what whatever when whence
whenever where whereas whereby wherever whether which while whither who whoever whole whom whose why will
with within without would yet you your yours yourself yourselves mr mrs ms dr st jr sr inc co corp ltd
yes oh ok okay etc eg ie vs via per worth outside inside near nearby amid amidst despite upon unlike till whilst onto
two three four five six seven eight nine ten eleven twelve twenty thirty forty fifty hundred thousand
thousands hundreds tens million millions billion billions trillion dozen dozens half
new old other another certain various such own same different many few several more most less least
also recently currently previously nearly approximately roughly about around just simply merely
today tonight tomorrow yesterday week weeks weekend month months year years day days time times hour
hours minute minutes decade decades century centuries morning afternoon evening night
acre acres mile miles foot feet inch inches yard yards meter meters metre metres kilometer kilometers
kilometre kilometres gallon gallons barrel barrels pound pounds ton tons tonne tonnes degree degrees
percent cent cents dollar dollars square mph km kg lb lbs
lot lots kind kinds sort way ways thing things part parts number numbers percent per cent
mr. mrs. ms. dr. st. u s
can't won't don't doesn't didn't isn't aren't wasn't weren't hasn't haven't hadn't couldn't wouldn't
shouldn't it's that's there's he's she's they're we're i'm you're i've we've they've i'd we'd they'd
""")

# Verbs that are rarely nouns, in all their forms: they end a candidate phrase.
_VERB_LEMMAS = sorted(
    words_of("""
say tell ask make take give become seem believe think know want need come go get put keep let begin
show hear leave feel try call find mean bring hold write sit stand lose pay meet include continue
set learn lead understand watch follow stop create speak read allow add spend grow open walk win
offer remember consider appear buy wait serve die send expect build stay fall reach kill remain
suggest raise pass sell require decide pull explain hope develop carry break receive agree
support hit produce eat cover catch draw choose cause argue accept announce acknowledge admit
arrive avoid claim confirm deny describe discuss ensure estimate insist intend involve join
mention note notice occur prepare prevent propose prove provide refuse reject remind replace
reply respond reveal seek warn urge vow pledge predict recall recognize regard relate release
remove report represent seek signal urge worry wish happen tend manage fail enable encourage
indicate contain obtain maintain achieve attempt emphasize stress express identify determine
""")
)

_IRREGULAR = sorted(
    words_of("""
said says saying told tells telling asked made makes making took taken takes taking gave given gives
giving became becomes becoming seemed seems thought thinks knew known knows wanted wants needed needs
came comes coming went goes gone going got gets getting gotten put puts putting kept keeps keeping
began begun begins beginning showed shown shows heard hears left leaves leaving felt feels tried tries
called calls found finds meant means brought brings held holds wrote written writes writing sat sits
stood stands lost loses losing paid pays met meets included includes including continued continues
learned learnt led leads understood watched followed stopped created spoke spoken speaks read reads
allowed allows added adds spent spends grew grown grows opened walked won wins winning offered remembered
considered appeared bought buys waited served died dies dying sent sends expected expects built stayed
fell fallen falls reached killed remained remains suggested suggests raised passed sold sells required
requires decided decides pulled explained explains hoped hopes developed carried broke broken received
agreed agrees supported produced ate eaten caught draws drew drawn chose chosen caused argued accepted
announced acknowledged admitted arrived avoided claimed claims confirmed confirms denied denies described
describes discussed ensured estimated insisted intended involved joined mentioned noted noticed
occurred prepared prevented proposed proved provided refused rejected reminded replaced replied responded
revealed sought warned urged vowed pledged predicted recalled recognized regarded related released
removed reported represented signaled wished happened tended managed failed enabled encouraged indicated
contained obtained maintained achieved attempted emphasized stressed expressed identified determined
ran runs run running saw seen sees seeing told thought did does done doing has have had was were is are
be been being became let lets hit hits cut cuts set sets seeks sought tell tells struck hurt hurts
spread forced plans planned hoping trying says adding noting telling asking making taking giving
""")
)

EN_VERBS = frozenset(
    _IRREGULAR
    + _VERB_LEMMAS
    + [v + "s" for v in _VERB_LEMMAS]
    + [(v[:-1] if v.endswith("e") else v) + "ed" for v in _VERB_LEMMAS]
    + [(v[:-1] if v.endswith("e") else v) + "ing" for v in _VERB_LEMMAS]
)

MONTHS = words_of(
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec"
)
WEEKDAYS = words_of("monday tuesday wednesday thursday friday saturday sunday")

# Words from page furniture and share widgets that are never what an article is about.
BOILERPLATE = words_of("""
facebook twitter instagram whatsapp telegram linkedin youtube tiktok pinterest reddit email share
shares shared newsletter newsletters subscribe subscription subscribers photo photos picture pictures
image images video videos getty reuters afp ap file credit copyright advertisement advert ad ads
sponsored cookie cookies privacy policy terms login sign signup register click here read more
comments comment related stories story live updates update breaking news home page menu search
watch listen podcast gallery caption source sources editor editors staff reporter correspondent
follow us contact rights reserved
""")

AR_STOPWORDS = words_of("""
في من على إلى الى عن مع أن ان إن لا لم لن ما هذا هذه ذلك تلك هو هي هم هن أنا نحن أنت انت كان كانت
يكون تكون كانوا قد لقد كل بعض غير بين حتى إذا اذا لو أو او ثم بل لكن لكن إلا الا أي اي التي الذي
الذين اللذين اللتين اللواتي اللاتي عند عندما حين حيث منذ خلال بعد قبل فوق تحت أمام امام وراء دون
ضد نحو لدى لدي عليه عليها عليهم منه منها منهم فيه فيها فيهم به بها بهم له لها لهم إليه اليه إليها
اليها هناك هنا كما وكان وكانت وقد وهو وهي وفي ومن وعلى وأن وان وإن ولا ولم وما وهذا وهذه والتي
والذي أيضا ايضا فقط جدا مثل يوم أمس اليوم غدا الآن الان سنة عام العام الماضي المقبل الحالي أكثر
اكثر أقل اقل وقال قال قالت يقول تقول وأضاف أضاف اضاف وأكد أكد اكد وأشار أشار اشار ذكر وذكر أوضح
كل كلا أحد احد إحدى احدى ليس ليست سوف سيكون يمكن تم وتم يتم وفقا وفق حول عبر لدى إذ اذ ضمن
جديد جديدة جديدا كبير كبيرة كبيرا أكبر اكبر نقطة نقاط بمقدار شخص أشخاص مساء صباح مرة مرات أخرى آخر بقوة درجات درجة
لماذا كيف متى أين اين هل وهل ألف الف مليون مليار عدة عدد بشكل إطار اطار نفس ذات أول اول ثاني
""")

AR_MONTHS = words_of(
    "يناير فبراير مارس أبريل ابريل مايو يونيو يوليو أغسطس اغسطس سبتمبر أكتوبر اكتوبر نوفمبر ديسمبر "
    "كانون شباط آذار نيسان أيار حزيران تموز آب أيلول تشرين "
    "الأحد الاثنين الإثنين الثلاثاء الأربعاء الاربعاء الخميس الجمعة السبت"
)

AR_BOILERPLATE = words_of(
    "فيسبوك تويتر إنستغرام يوتيوب واتساب تيليجرام شارك مشاركة النشرة اشترك صورة صور فيديو "
    "الإعلان إعلان تابعنا المزيد اقرأ أيضا التعليقات حقوق محفوظة الرئيسية"
)
