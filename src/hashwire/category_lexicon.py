"""Seed vocabularies per category, written here: word -> weight (a trailing '*' matches any ending).

Weights: 3 = nearly decisive ("goalkeeper"), 2 = strong ("election"), 1 = suggestive ("market").
Built from the label descriptions in categories.py, not from any labelled corpus.
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
@3 football soccer cricket rugby tennis golf athletics olympic* olympics paralympic* wimbledon goalkeeper
striker midfielder defender* footballer* cricketer* batsman bowler wicket* innings quarter-final* semi-final*
semifinal* premiership fifa uefa nfl nba mlb nhl grand-slam marathon sprinter hurdle* medal* medallist*
touchdown quarterback playoff* fixture* relegation relegated penalty-kick try-line fly-half scrum* lineout
six-nations hat-trick grand-prix formula-one f1 motogp boxing boxer* heavyweight wrestl* snooker darts
cyclist* peloton tour-de-france squash badminton hockey baseball basketball volleyball handball swimmer*
@2 match* matches cup league champion* championship* tournament* coach* manager* squad* captain* club* clubs
goal goals scored scorer* score* win* won beat beating defeat* victory draw drew season* title* team* teams
player* players injury injured fitness stadium* race races racing athlete* referee* fans final finals
semi* quarter* seed* seeded round* ranked ranking* record-breaking sprint* lap laps pitch half-time
kick* tackle* pass* dribbl* coaching transfer* signing* loan* striker* premier chelsea arsenal liverpool
everton tottenham newcastle celtic rangers barcelona madrid juventus milan bayern ferguson mourinho wenger
benitez henman federer nadal agassi roddick hewitt sharapova williams serena venus radcliffe holmes
jonny wilkinson robinson beckham rooney owen ronaldo ronaldinho zidane ashes test odi twenty20 paceman
spinner all-rounder wembley anfield twickenham murrayfield lansdowne cardiff-arms
@1 play* played playing game games train* trainer sport* sporting international* national-team home away
fan crowd cheer* bench substitute* tactics form unbeaten lead* points point trophy trophies prize
"""
    ),
    "Business": _parse(
        """
@3 profit* shareholder* dividend* ipo earnings revenue* stock* shares share-price nasdaq dow ftse nikkei
merger* acquisition* takeover* bankrupt* insolven* gdp inflation interest-rate* central-bank recession
economist* economy economies economic* fiscal monetary bond* yield* currency currencies dollar* euro*
sterling yen yuan imports exports tariff* trade-deficit deficit* surplus* investor* investment* hedge
analyst* quarterly pre-tax turnover retailer* retail* wholesale* oil-price* opec crude barrel* brent
@2 market* markets company companies firm* firms business* bank* banking banker* finance* financial*
sales sale price* prices pricing cost* costs consumer* customer* growth trade trading trader* chief-executive
ceo chairman board* boss* bosses industry industries industrial manufactur* factory factories jobs job
unemployment employ* worker* workforce wage* salary salaries pension* tax* taxes budget* debt* loan* lend*
lender* mortgage* credit* fund* funds asset* capital* equity stake* deal* contract* airline* carrier*
supermarket* brand* store* stores firm's euro-zone eurozone imf wto world-bank federal-reserve fed
opec energy gas electricity telecom* steel car-maker* carmaker* automaker* vehicle* motor* boeing airbus
yukos gazprom worldcom enron parmalat ryanair easyjet tesco sainsbury* lse deutsche boerse
@1 rise* rose fell fall* cut* billion million percent per-cent % $ £ € quarter* year-on-year annual*
forecast* figures data rate* rates demand supply supplies output production produce* product* products
"""
    ),
    "Politics": _parse(
        """
@3 election* electoral vote* voter* voting ballot* mp mps parliament* parliamentary labour tory tories
conservative* liberal* lib-dem* democrat* republican* minister* cabinet whitehall westminster downing
commons lords senate* senator* congress* congressional legislat* bill* manifesto* campaign* candidate*
party* parties prime-minister chancellor opposition referendum* constituenc* mandate coalition* polls
polling pollster* blair brown howard kennedy blunkett straw prescott clarke milburn hague
@2 government* govt policy policies political* politic* politician* leader* president* administration
state* minister secretary home-office foreign-office law* laws legal reform* proposal* propose* plan*
plans public spending council* councillor* mayor* governor* ministry ministries department* official*
officials spokesman spokeswoman debate* committee* inquiry inquiries report* scheme* asylum immigra*
terror* security police crime* criminal* court* judge* rights human-rights civil id-card* identity
nhs school* schools education teacher* pupils university universities tuition welfare benefit* pensioner*
union* unions strike* protest* ukip snp plaid green-party eu european brussels treaty constitution*
@1 said says told announce* minister's people country nation* national public social local speech
"""
    ),
    "Technology": _parse(
        """
@3 software hardware internet online web website* broadband computer* computing pc pcs laptop* smartphone*
phone* mobile* handset* gadget* app apps application* microsoft apple google yahoo ibm intel amd nokia
motorola sony samsung linux windows mac ipod itunes iphone ebay amazon cyber* hacker* hacking virus*
viruses malware spam* phishing spyware worm* firewall* encrypt* digital* gaming video-game* videogame*
console* playstation xbox nintendo gamer* broadband wi-fi wifi wireless bluetooth chip* chips processor*
semiconductor* silicon download* upload* file-sharing peer-to-peer p2p music-download* blog* blogger*
blogging search-engine* e-mail email* browser* firefox dvd hd high-definition tv-on-demand gigabyte*
megabyte* bandwidth robot* robotic* artificial-intelligence ai algorithm* data-center* datacentre* cloud
@2 technology technologies tech technical network* networks user* users device* devices screen* video*
camera* digital tv broadcast* satellite* electronic* electronics telecom* operator* 3g 4g 5g gadgets
innovation* innovat* developer* programme* program* code coding machine* system* systems engineer*
engineering virtual pixel* sensor* battery batteries storage
@1 service* services launch* launched feature* version* connect* content access information
"""
    ),
    "Entertainment": _parse(
        """
@3 film* films movie* movies cinema* box-office oscar* oscars bafta* grammy* emmy* golden-globe* hollywood
bollywood actor* actress* actresses director* starring star* stars celebrity celebrities album* albums
single* chart* charts band* bands singer* songwriter* song* songs music* musical* concert* tour*
festival* theatre* theater* broadway west-end comedy comedian* drama* sitcom* soap* tv-show* show*
documentar* novel* novelist* author* book* books literary poet* poetry artist* art* gallery galleries
exhibition* museum* premiere* screen* screenplay sequel* soundtrack* rapper* hip-hop pop rock jazz
dance* dancer* ballet opera* orchestra* record-label* eurovision x-factor idol reality-tv
@2 tv television channel* broadcaster* bbc itv channel-4 viewers audience* series episode* award*
awards nominat* ceremony* prize* fans entertainment studio* producer* script* role* cast* hit* hits
record* recorded recording* release* released label* perform* performance* performer* stage*
glamour fashion designer* model* magazine* rights royalty royalties
@1 best popular famous story stories character* life love night
"""
    ),
    "Science": _parse(
        """
@3 scientist* science research* researcher* laboratory laboratories lab study studies experiment*
physics physicist* chemistry chemist* biology biologist* astronom* nasa space spacecraft* planet*
mars moon telescope* galaxy galaxies asteroid* comet* orbit* satellite* rocket* species evolution*
fossil* dinosaur* genome gene* genetic* dna climate-change global-warming emissions carbon*
ecolog* biodiversity archaeolog* quantum particle* molecul* cell* cells
@2 discover* discovery journal* nature theory data evidence environment* environmental* climate
ocean* sea-level* ice glacier* wildlife animal* plants earth
"""
    ),
    "Health": _parse(
        """
@3 health healthcare hospital* patient* doctor* nurse* nhs disease* diseases cancer* tumour* tumor*
diabetes obesity heart-attack* stroke* virus* vaccine* vaccinat* flu influenza pandemic* epidemic*
infection* infect* outbreak* surgeon* surgery* clinic* clinical medic* medicine* drug* drugs treatment*
therapy* symptom* diagnos* mental-health depression alzheimer* dementia hiv aids malaria tuberculosis
covid* coronavirus smoking alcohol diet* nutrition*
@2 care gp gps pharmac* prescription* illness* ill sick health-care trial* dose* blood pain
"""
    ),
    "World": _parse(
        """
@3 war wars military troops soldier* army armies militant* insurgent* rebel* ceasefire* refugee*
embassy* ambassador* diplomat* diplomatic* united-nations un nato summit* sanctions nuclear missile*
iraq* iran* syria* israel* palestinian* gaza afghanistan* taliban pakistan* india china chinese russia*
ukrain* korea* africa* sudan darfur kremlin beijing moscow tehran baghdad kabul jerusalem
@2 foreign international border* conflict* attack* bomb* bombing* killed kills dead deaths earthquake
tsunami flood* hurricane* crisis aid humanitarian regime* coup* election* president* capital
"""
    ),
}
