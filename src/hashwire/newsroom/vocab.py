"""Word lists the newsroom writes its news with: people, places, organisations, products, in English and Arabic.

Every name of a person, company, team, party or outlet here is invented; places are real.
"""

from __future__ import annotations

EN_FIRST = (
    "Amina", "Daniel", "Sofia", "Marcus", "Leila", "Tomas", "Priya", "Jonah", "Elena", "Kwame",
    "Hannah", "Rafael", "Mei", "Oskar", "Fatima", "Lucas", "Ingrid", "Samuel", "Yara", "Viktor",
    "Chloe", "Idris", "Nadia", "Patrick", "Rosa", "Kenji", "Alice", "Mateo", "Zanele", "Henrik",
    "Grace", "Omar", "Lena", "Diego", "Maya", "Felix", "Ana", "Tobias", "Irene", "Kofi",
    "Clara", "Ravi", "Martha", "Andrei", "Beatriz", "Julian", "Noor", "Edward", "Helena", "Sipho",
)
EN_LAST = (
    "Okafor", "Lindqvist", "Moreau", "Castellano", "Haddad", "Novak", "Raman", "Whitfield", "Petrova", "Mensah",
    "Brennan", "Takahashi", "Albrecht", "Quintero", "Osei", "Delacroix", "Marsh", "Varga", "Ferreira", "Kowalski",
    "Nakamura", "Abara", "Sorensen", "Galloway", "Ibarra", "Lindgren", "Mahlangu", "Rossetti", "Dunmore", "Eriksen",
    "Castillo", "Achterberg", "Hollis", "Banerjee", "Okonkwo", "Strand", "Vasquez", "Kerrigan", "Demir", "Fairbanks",
    "Halvorsen", "Mbeki", "Lachance", "Oyelaran", "Pereira", "Szabo", "Tremblay", "Wakefield", "Yilmaz", "Zeller",
)
# (city, country) pairs: real places
EN_PLACES = (
    ("Izmir", "Turkey"), ("Valparaiso", "Chile"), ("Kathmandu", "Nepal"), ("Manila", "Philippines"),
    ("Lima", "Peru"), ("Naples", "Italy"), ("Sendai", "Japan"), ("Quito", "Ecuador"),
    ("Lagos", "Nigeria"), ("Nairobi", "Kenya"), ("Accra", "Ghana"), ("Dakar", "Senegal"),
    ("Lisbon", "Portugal"), ("Krakow", "Poland"), ("Ghent", "Belgium"), ("Bergen", "Norway"),
    ("Porto Alegre", "Brazil"), ("Cordoba", "Argentina"), ("Monterrey", "Mexico"), ("Medellin", "Colombia"),
    ("Halifax", "Canada"), ("Denver", "United States"), ("Cleveland", "United States"), ("Adelaide", "Australia"),
    ("Christchurch", "New Zealand"), ("Surabaya", "Indonesia"), ("Da Nang", "Vietnam"), ("Chiang Mai", "Thailand"),
    ("Pune", "India"), ("Chittagong", "Bangladesh"), ("Tbilisi", "Georgia"), ("Almaty", "Kazakhstan"),
    ("Tunis", "Tunisia"), ("Casablanca", "Morocco"), ("Glasgow", "United Kingdom"), ("Leeds", "United Kingdom"),
    ("Rotterdam", "Netherlands"), ("Seville", "Spain"), ("Gothenburg", "Sweden"), ("Tampere", "Finland"),
    ("Arequipa", "Peru"), ("Antofagasta", "Chile"), ("Cebu", "Philippines"), ("Osaka", "Japan"),
    ("Kumasi", "Ghana"), ("Mombasa", "Kenya"), ("Durban", "South Africa"), ("Lusaka", "Zambia"),
    ("Porto", "Portugal"), ("Gdansk", "Poland"), ("Lyon", "France"), ("Trieste", "Italy"),
    ("Belo Horizonte", "Brazil"), ("Rosario", "Argentina"), ("Guadalajara", "Mexico"), ("Cali", "Colombia"),
    ("Winnipeg", "Canada"), ("Tucson", "United States"), ("Savannah", "United States"), ("Perth", "Australia"),
    ("Dunedin", "New Zealand"), ("Medan", "Indonesia"), ("Hue", "Vietnam"), ("Khon Kaen", "Thailand"),
    ("Nagpur", "India"), ("Sylhet", "Bangladesh"), ("Batumi", "Georgia"), ("Shymkent", "Kazakhstan"),
    ("Sousse", "Tunisia"), ("Marrakesh", "Morocco"), ("Cardiff", "United Kingdom"), ("Belfast", "United Kingdom"),
    ("Utrecht", "Netherlands"), ("Bilbao", "Spain"), ("Malmo", "Sweden"), ("Oulu", "Finland"),
)
# companies, teams and products are composed, so that a large newsroom need not reuse one in nearby stories
EN_COMPANY_NAMES = (
    "Norvale", "Brightwater", "Castellan", "Helix", "Ardent", "Lumora", "Quillstone", "Tessellate", "Orrin",
    "Pinecrest", "Vantor", "Saltmarsh", "Greyfield", "Corvid", "Meridale", "Obsidian", "Kestrel", "Northwind",
    "Solenne", "Tidewater", "Umbra", "Verdant", "Wexley", "Zephyr", "Albury", "Brackwell", "Calloway", "Dunmore",
)
EN_COMPANY_SECTORS = (
    "Systems", "Energy", "Foods", "Dynamics", "Motors", "Pharma", "Bank", "Labs", "Logistics", "Media",
    "Semiconductors", "Airlines", "Insurance", "Robotics", "Telecom", "Biotech", "Steel", "Retail",
)
EN_TEAM_SUFFIXES = ("United", "Rovers", "City", "Athletic", "Wanderers", "FC", "Town", "Rangers", "Albion")
EN_TEAM_TOWNS = (
    "Riverton", "Eastbrook", "Port Alder", "Kingsmere", "Halden", "Stonebridge", "Marlow", "Ashby", "Fenwick",
    "Calder", "Northgate", "Westmoor", "Brackenridge", "Lowell", "Granton", "Elmstead", "Harwick", "Coldharbour",
)
EN_PRODUCT_NAMES = ("Aurora", "Pulse", "Nimbus", "Vector", "Halo", "Strata", "Orbit", "Lumen", "Echo", "Forge",
                    "Atlas", "Quanta")
EN_PRODUCT_MODELS = ("X2", "Fold", "Pad", "One", "Buds", "Glass", "Watch", "Cam", "Mini", "Pro", "Drive", "Max")
EN_COMPETITIONS = ("the Continental Cup", "the Premier Division", "the National Cup", "the Champions Trophy",
                   "the Coastal League")
EN_PARTIES = (
    "the Civic Renewal Party", "the People's Alliance", "the Green Future Movement", "the National Unity Front",
    "the Liberal Democratic Union", "the Workers' Coalition", "the Reform Bloc", "the Centre Forward Party",
)
EN_UNIVERSITIES = (
    "the University of Eastbrook", "Halden Institute of Technology", "Marlow College of Medicine",
    "the Northgate Research Centre", "Ashby University", "the Institute for Coastal Studies",
    "Calder Polytechnic", "the Westmoor School of Economics",
)
EN_DISEASES = ("cholera", "measles", "dengue fever", "a new influenza strain", "mpox", "typhoid")
EN_DRUGS = ("Relvanta", "Ostivir", "Cardexa", "Neuplinex", "Zorimab", "Hepacet", "Lumivex")
EN_CONDITIONS = ("type 2 diabetes", "early Alzheimer's disease", "severe asthma", "psoriasis", "migraine", "hepatitis B")
EN_FILMS = ("The Salt Road", "Nine Winters", "A Quiet Harbour", "Glass Orchard", "The Last Ferry", "Ember Lines")
EN_MISSIONS = ("Kestrel-1", "Lyra Pathfinder", "Tern", "Solace", "Helios Mapper", "Bluewater Orbiter")
EN_WIRES = ("Meridian Press", "Continental News Agency", "Global Wire Service", "Atlas Newswire")
EN_PHOTO_AGENCIES = ("Meridian Press", "Northlight Images", "Atlas Photo", "Reuben Stills", "Clearframe Agency")
EN_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
EN_MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)

# the Arabic templates conjugate their verbs for a man
AR_FIRST = (
    "أحمد", "محمد", "خالد", "يوسف", "عمر", "حسن", "طارق", "سامي", "كريم", "علي",
    "وليد", "ماجد", "عادل", "زياد", "فيصل", "مروان", "باسل", "نبيل", "رامي", "إبراهيم",
    "مصطفى", "هشام", "جمال", "سليم", "أنور", "بشير", "منير", "رياض", "عماد", "غسان",
)
AR_LAST = (
    "الحسيني", "العمري", "الخطيب", "النجار", "الشامي", "البدوي", "الزين", "القاسم", "الراشد", "المصري",
    "الحداد", "السعدي", "الفارس", "العطار", "التميمي", "الجبوري", "الصباغ", "الكيلاني", "المهدي", "الدباغ",
    "الأيوبي", "الهاشمي", "الرفاعي", "السويدي", "البزاز", "الطحان", "المالكي", "النعيمي", "العلوي", "الشريف",
)
AR_PLACES = (
    ("الإسكندرية", "مصر"), ("أسوان", "مصر"), ("صفاقس", "تونس"), ("وهران", "الجزائر"), ("فاس", "المغرب"),
    ("أغادير", "المغرب"), ("إربد", "الأردن"), ("طرابلس", "لبنان"), ("صيدا", "لبنان"), ("الموصل", "العراق"),
    ("البصرة", "العراق"), ("حلب", "سوريا"), ("اللاذقية", "سوريا"), ("جدة", "السعودية"), ("الدمام", "السعودية"),
    ("مسقط", "عُمان"), ("الدوحة", "قطر"), ("المنامة", "البحرين"), ("الكويت", "الكويت"), ("بنغازي", "ليبيا"),
    ("نواكشوط", "موريتانيا"), ("الخرطوم", "السودان"), ("عدن", "اليمن"), ("دبي", "الإمارات"),
    ("طنطا", "مصر"), ("الأقصر", "مصر"), ("سوسة", "تونس"), ("قسنطينة", "الجزائر"), ("مراكش", "المغرب"),
    ("العقبة", "الأردن"), ("زحلة", "لبنان"), ("أربيل", "العراق"), ("حمص", "سوريا"), ("المدينة المنورة", "السعودية"),
    ("صلالة", "عُمان"), ("الشارقة", "الإمارات"), ("مصراتة", "ليبيا"), ("بورتسودان", "السودان"), ("المكلا", "اليمن"),
    ("أبها", "السعودية"),
)
AR_COMPANY_NAMES = ("الواحة", "النخيل", "الرافدين", "الأفق", "السنبلة", "المدار", "الجسر", "الريان", "الصقر",
                    "البيان", "الفنار", "الندى", "اللؤلؤة", "الأرز", "الزيتونة", "المرجان")
AR_COMPANY_SECTORS = ("للاتصالات", "للطاقة", "للأغذية", "للتقنية", "للنقل البحري", "للأدوية", "للإنشاءات",
                      "للطيران", "للتأمين", "القابضة")
AR_TEAM_NAMES = ("النجوم", "الشروق", "الاتحاد الساحلي", "الفرسان", "الرمال", "الشباب الجديد", "الأمل", "الصواري",
                 "الكرامة", "الوحدة الشمالية", "النصر البحري", "الجزيرة", "الوادي", "الأحرار", "الفجر الرياضي")
AR_PRODUCTS = ("هاتف نجمة ٥", "حاسوب سحاب برو", "ساعة المدار الذكية", "سيارة ريح الكهربائية", "منصة دليل الرقمية")
AR_COMPETITIONS = ("كأس البطولة العربية", "الدوري الممتاز", "كأس الاتحاد", "دوري الأبطال الإقليمي")
AR_PARTIES = ("حزب التجديد المدني", "التحالف الشعبي", "حركة المستقبل", "جبهة الوحدة الوطنية", "حزب الإصلاح")
AR_UNIVERSITIES = ("جامعة الشروق", "المعهد العالي للتقنية", "جامعة الساحل", "مركز البحوث الطبية", "جامعة الواحة")
AR_DISEASES = ("الكوليرا", "الحصبة", "حمى الضنك", "سلالة جديدة من الإنفلونزا", "التيفوئيد")
AR_DRUGS = ("ريلفانتا", "أوستيفير", "كارديكسا", "نيوبلينكس", "زوريماب")
AR_CONDITIONS = ("السكري من النوع الثاني", "الربو الحاد", "الصداع النصفي", "التهاب الكبد الوبائي")
AR_FILMS = ("طريق الملح", "تسعة شتاءات", "ميناء هادئ", "بستان الزجاج", "العبّارة الأخيرة")
AR_MISSIONS = ("الصقر-1", "المستكشف", "النورس", "الأمل الثاني", "الراصد")
AR_WIRES = ("وكالة الأنباء العربية المستقلة", "وكالة المشرق للأنباء", "وكالة الخليج الإخبارية")
AR_PHOTO_AGENCIES = ("وكالة المشرق", "عدسة الشرق", "صور الخليج")
AR_WEEKDAYS = ("الاثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت", "الأحد")
AR_MONTHS = (
    "يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو",
    "يوليو", "أغسطس", "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر",
)

# Outlet names: the first ones are fixed so the default newsroom reads well; more are composed.
EN_OUTLETS = (
    ("harbour-courier", "The Harbour Courier"), ("northgate-herald", "Northgate Herald"),
    ("daily-meridian", "The Daily Meridian"), ("coastline-times", "Coastline Times"),
    ("ridgeway-post", "The Ridgeway Post"), ("lanternwire", "Lanternwire"),
    ("valley-chronicle", "Valley Chronicle"), ("metro-ledger", "Metro Ledger"),
    ("the-observer-east", "The Eastern Observer"), ("brightside-news", "Brightside News"),
    ("capital-dispatch", "Capital Dispatch"), ("signal-and-noise", "Signal & Noise"),
    ("the-weekly-tide", "The Weekly Tide"), ("frontier-gazette", "Frontier Gazette"),
    ("pressline-online", "Pressline Online"), ("evening-standard-west", "West Evening Standard"),
)
EN_OUTLET_PREFIX = (
    "Granite", "Silver", "Lakeside", "Cedar", "Summit", "Iron", "Beacon", "Maple", "Orchard", "Prairie",
    "Harbor", "Copper", "Highland", "Riverside", "Oak", "Crescent",
)
EN_OUTLET_SUFFIX = ("Herald", "Courier", "Times", "Tribune", "Gazette", "Post", "Journal", "Sentinel", "Record", "Review")
AR_OUTLETS = (
    ("al-fajr", "الفجر"), ("al-watan-today", "الوطن اليوم"), ("akhbar-al-madina", "أخبار المدينة"),
    ("al-nahar-al-jadid", "النهار الجديد"), ("sawt-al-sahil", "صوت الساحل"), ("al-masar", "المسار"),
)
AR_OUTLET_PREFIX = ("صوت", "أخبار", "نبض", "مرآة", "بوابة")
AR_OUTLET_SUFFIX = ("الشرق", "الخليج", "الجنوب", "العاصمة", "الوادي", "الأطلس")
