package seed

import "strings"

// town is a real UK town, its county, and postcode districts that are its
// own (Leeds is LS, Cardiff CF, Glasgow G), some with the part of town
// they cover. Inward codes ("4AP") are random but always of a valid form.
type town struct {
	name, county string
	weight       float64
	districts    []district
	nation       byte // 'E', 'S', 'W', 'N'
}

type district struct{ code, locality string }

// towns: weights are roughly the share of a clinic's patients; Leeds and
// its neighbours weigh most, as the demo clinic is in Leeds.
var towns = func() []town {
	def := []struct {
		name, county string
		weight       float64
		nation       byte
		districts    string
	}{
		{"Leeds", "West Yorkshire", 30, 'E', "LS1 LS2 LS3 LS4:Kirkstall LS5 LS6:Headingley LS7:Chapel Allerton LS8:Roundhay LS9 LS10:Hunslet LS11:Beeston LS12:Armley LS13:Bramley LS14:Seacroft LS15 LS16 LS17:Moortown LS18:Horsforth LS19:Yeadon LS25:Garforth LS26:Rothwell LS27:Morley LS28:Pudsey"},
		{"Bradford", "West Yorkshire", 6, 'E', "BD1 BD2 BD3 BD4 BD5 BD6 BD7 BD8:Manningham BD9:Heaton BD10 BD15 BD18:Shipley"},
		{"Wakefield", "West Yorkshire", 3, 'E', "WF1 WF2 WF3 WF4"},
		{"Huddersfield", "West Yorkshire", 2.5, 'E', "HD1 HD2 HD3 HD4 HD5"},
		{"Harrogate", "North Yorkshire", 1.5, 'E', "HG1 HG2 HG3"},
		{"York", "North Yorkshire", 2, 'E', "YO1 YO10 YO23 YO24 YO26 YO30 YO31"},
		{"Sheffield", "South Yorkshire", 3, 'E', "S1 S2 S3 S5 S6:Hillsborough S7 S8 S10:Crookes S11:Ecclesall S12 S13 S14 S17"},
		{"Manchester", "Greater Manchester", 3, 'E', "M1 M4 M8 M9 M11 M12 M13 M14:Fallowfield M15:Hulme M16 M19:Levenshulme M20:Didsbury M21:Chorlton M22 M40"},
		{"Oldham", "Greater Manchester", 0.8, 'E', "OL1 OL4 OL8 OL9"},
		{"Blackburn", "Lancashire", 0.6, 'E', "BB1 BB2"},
		{"Liverpool", "Merseyside", 2, 'E', "L1 L3 L4:Anfield L6 L7 L8:Toxteth L13 L15:Wavertree L17:Aigburth L18 L25"},
		{"Birmingham", "West Midlands", 3, 'E', "B1 B5 B6 B8 B10:Small Heath B11:Sparkhill B12 B13:Moseley B14 B15:Edgbaston B16 B17:Harborne B20:Handsworth B21 B23 B29:Selly Oak B30"},
		{"Coventry", "West Midlands", 1, 'E', "CV1 CV2 CV3 CV4 CV5 CV6"},
		{"Leicester", "Leicestershire", 1.2, 'E', "LE1 LE2 LE3 LE4:Belgrave LE5 LE18"},
		{"Nottingham", "Nottinghamshire", 1.2, 'E', "NG1 NG2 NG3 NG5 NG7:Lenton NG8 NG9 NG11"},
		{"Peterborough", "Cambridgeshire", 0.8, 'E', "PE1 PE2 PE3 PE4 PE7"},
		{"Boston", "Lincolnshire", 0.4, 'E', "PE21"},
		{"Cambridge", "Cambridgeshire", 0.8, 'E', "CB1 CB2 CB3 CB4 CB5"},
		{"Norwich", "Norfolk", 0.8, 'E', "NR1 NR2 NR3 NR4 NR5 NR6 NR7"},
		{"Luton", "Bedfordshire", 0.6, 'E', "LU1 LU2 LU3 LU4"},
		{"Oxford", "Oxfordshire", 0.8, 'E', "OX1 OX2 OX3 OX4"},
		{"Slough", "Berkshire", 0.5, 'E', "SL1 SL2 SL3"},
		{"London", "", 6, 'E', "E1:Whitechapel E2:Bethnal Green E3:Bow E8:Hackney E14:Poplar E17:Walthamstow N1:Islington N4 N7:Holloway N16:Stoke Newington N19 NW1:Camden NW5 NW6:Kilburn NW10:Willesden SE1 SE5:Camberwell SE13:Lewisham SE15:Peckham SE22 SW2:Brixton SW4:Clapham SW9 SW11:Battersea SW16:Streatham SW19:Wimbledon W2 W3:Acton W5:Ealing W10 W12:Shepherd's Bush EC1V WC1N"},
		{"Bristol", "", 1.5, 'E', "BS1 BS2 BS3:Bedminster BS5:Easton BS6:Redland BS7 BS8:Clifton BS16"},
		{"Southampton", "Hampshire", 0.8, 'E', "SO14 SO15 SO16 SO17 SO18 SO19"},
		{"Brighton", "East Sussex", 0.8, 'E', "BN1 BN2 BN3:Hove"},
		{"Exeter", "Devon", 0.5, 'E', "EX1 EX2 EX4"},
		{"Plymouth", "Devon", 0.6, 'E', "PL1 PL2 PL3 PL4 PL5 PL6"},
		{"Newcastle upon Tyne", "Tyne and Wear", 1.2, 'E', "NE1 NE2:Jesmond NE3:Gosforth NE4 NE5 NE6:Byker NE15"},
		{"Glasgow", "", 1.5, 'S', "G1 G3 G11:Partick G12:Hillhead G20 G31:Dennistoun G41:Pollokshields G42 G51:Govan"},
		{"Edinburgh", "", 1.2, 'S', "EH1 EH3 EH6:Leith EH7 EH8 EH9 EH10:Morningside EH11 EH12 EH16"},
		{"Aberdeen", "", 0.5, 'S', "AB10 AB11 AB15 AB24 AB25"},
		{"Dundee", "", 0.4, 'S', "DD1 DD2 DD3 DD4 DD5:Broughty Ferry"},
		{"Inverness", "Highland", 0.3, 'S', "IV1 IV2 IV3"},
		{"Stirling", "", 0.2, 'S', "FK7 FK8 FK9"},
		{"Paisley", "Renfrewshire", 0.3, 'S', "PA1 PA2 PA3"},
		{"Cardiff", "", 1.2, 'W', "CF3 CF5 CF10 CF11:Canton CF14:Whitchurch CF23 CF24:Roath"},
		{"Swansea", "", 0.6, 'W', "SA1 SA2 SA3 SA5 SA6"},
		{"Newport", "", 0.4, 'W', "NP10 NP19 NP20"},
		{"Wrexham", "", 0.3, 'W', "LL11 LL12 LL13"},
		{"Bangor", "Gwynedd", 0.2, 'W', "LL57"},
		{"Aberystwyth", "Ceredigion", 0.2, 'W', "SY23"},
		{"Carmarthen", "Carmarthenshire", 0.2, 'W', "SA31"},
		{"Llanelli", "Carmarthenshire", 0.2, 'W', "SA14 SA15"},
		{"Belfast", "County Antrim", 1, 'N', "BT1 BT5 BT6 BT7 BT9 BT11 BT12 BT14 BT15"},
		{"Derry/Londonderry", "County Londonderry", 0.3, 'N', "BT47 BT48"},
		{"Newry", "County Down", 0.2, 'N', "BT34 BT35"},
	}
	out := make([]town, len(def))
	for i, d := range def {
		out[i] = town{name: d.name, county: d.county, weight: d.weight, nation: d.nation, districts: parseDistricts(d.districts)}
	}
	return out
}()

// parseDistricts reads "LS1 LS6:Headingley LS7:Chapel Allerton": a code
// starts with a capital letter and holds a digit; anything else belongs to
// the locality before it.
func parseDistricts(s string) []district {
	var out []district
	for _, f := range strings.Fields(s) {
		code, locality, found := strings.Cut(f, ":")
		if isDistrictCode(code) {
			out = append(out, district{code: code, locality: locality})
			continue
		}
		if !found && len(out) > 0 {
			out[len(out)-1].locality += " " + f
		}
	}
	return out
}

func isDistrictCode(s string) bool {
	return s != "" && s[0] >= 'A' && s[0] <= 'Z' && strings.ContainsAny(s, "0123456789")
}

var townByName = func() map[string]int {
	m := map[string]int{}
	for i, t := range towns {
		m[t.name] = i
	}
	return m
}()

// Streets are built from a name and a kind ("Victoria" + "Road").
var streetNames = []string{"Church", "Station", "Mill", "Victoria", "Albert", "Park", "Queen's", "King's", "Manor",
	"Chapel", "Beech", "Oak", "Willow", "Meadow", "Orchard", "Castle", "Bridge", "St Mary's", "Windsor", "Grange",
	"Highfield", "Springfield", "Westfield", "Cross", "Nelson", "Wellington", "Coronation", "Jubilee", "Moor",
	"Green", "Hawthorn", "Rowan", "Lime", "Cedar", "Ash", "Elm", "Alexandra", "Clarence", "Stanley", "Grove",
	"Cavendish", "Kirkstall", "Woodhouse", "Hyde Park", "Cardigan", "Ash Tree", "Back Burley", "Dale", "Brook",
	"Fairfield", "Hollin", "Sunnybank", "Mount Pleasant", "Rose", "Primrose", "Tennyson", "Wordsworth"}

var streetKinds = []string{"Road", "Road", "Road", "Street", "Street", "Lane", "Avenue", "Close", "Drive",
	"Crescent", "Terrace", "Way", "Gardens", "Grove", "Place", "Walk", "Court", "Mount", "View", "Rise"}

var scottishKinds = []string{"Street", "Road", "Wynd", "Brae", "Terrace", "Crescent", "Gardens", "Place", "Loan"}

var welshStreets = []string{"Heol y Frenhines", "Ffordd y Brenin", "Stryd Fawr", "Heol Eglwys", "Lôn Las",
	"Ffordd Tŷ Gwyn", "Heol y Parc", "Stryd y Castell", "Heol Llanbadarn", "Ffordd Penglais", "Maes y Dre",
	"Heol Tŷ'n y Coed", "Rhodfa'r Môr", "Cae Glas"}

var houseNames = []string{"Rose Cottage", "The Old Rectory", "Ivy House", "Orchard House", "The Coach House",
	"Meadow View", "Holly Lodge", "The Willows", "Brook Cottage", "Fernlea", "Hillcrest", "Tŷ Gwyn", "The Bothy",
	"Glebe Cottage", "Sunnyside", "Mill House"}

var blockNames = []string{"Kingsley Court", "Riverside House", "Park View", "Mill Wharf", "Victoria Mansions",
	"Albion Court", "The Maltings", "Canal Wharf", "Clarence Dock", "Cavendish House", "Granary Wharf",
	"St Paul's House", "Quarry House", "Dock Street Apartments"}

// GP practices are made up; nothing here names a real surgery.
var practiceWords = []string{"Riverside", "Parkside", "The Willows", "Meadowbank", "Hillside", "Canal Side",
	"Oakwood", "Beechgrove", "Millbrook", "Stonegate", "Kirkgate", "Ashfield", "Brookfield", "Elmtree", "Fernlea",
	"Larkfield", "Wharfedale", "Moorview", "Heathcote", "Greenacre", "Bankside", "Westgate", "Northgate", "Eastfield"}

var practiceKinds = []string{"Surgery", "Medical Practice", "Health Centre", "Group Practice", "Medical Centre",
	"Family Practice"}

// Email domains: only those reserved for examples (RFC 2606 and the
// .co.uk the UK reserves alike), so no mail can ever reach anyone.
var emailDomains = []string{"example.com", "example.org", "example.co.uk", "example.net"}

// aisNeeds are weighted by how often clinics meet them; notes are what a
// receptionist would write.
var aisNeeds = []struct {
	code   string
	weight float64
	notes  []string
}{
	{"large_print", 30, []string{"Letters in 16 pt at least", "Arial 18 pt, cream paper if possible", ""}},
	{"easy_read", 12, []string{"Easy read letters; carer helps with forms", ""}},
	{"hearing_loop", 10, []string{"Uses the loop at the desk", ""}},
	{"bsl_interpreter", 8, []string{"Book the BSL interpreter when the appointment is made", "Prefers the same interpreter each time"}},
	{"text_only", 8, []string{"Deaf: text, never phone", ""}},
	{"email_only", 7, []string{"Send everything by email", ""}},
	{"braille", 4, []string{"Grade 2 braille", ""}},
	{"audio", 4, []string{"Audio CD or MP3 by email", ""}},
	{"no_phone", 5, []string{"Cannot hear on the phone: write or email", ""}},
	{"advocate", 6, []string{"Advocate to be present at appointments", "Learning disability: allow a double appointment"}},
	{"lipspeaker", 3, []string{"Face the patient; book a lipspeaker for long appointments", ""}},
	{"deafblind_interpreter", 1, []string{"Deafblind manual; book the interpreter a fortnight ahead", ""}},
}

// bslNeed is the index of bsl_interpreter in aisNeeds.
var bslNeed = func() int {
	for i, n := range aisNeeds {
		if n.code == "bsl_interpreter" {
			return i
		}
	}
	panic("seed: no bsl_interpreter need")
}()

var otherAlerts = []string{"Latex allergy", "Needle phobia: allow extra time", "Wheelchair user: ground-floor room",
	"Has an assistance dog", "Epilepsy: seizure plan on file", "Severe nut allergy", "Uses a hoist",
	"Pacemaker fitted: no electrotherapy"}

var alertTexts = map[string][]string{
	"violent_warning": {"Aggressive to staff on the phone, March 2024: two staff at the desk", "Verbal abuse at reception: see incident log"},
	"safeguarding":    {"Safeguarding plan: speak to the practice manager before sharing any information", "Child protection plan in place", ""},
	"lone_working":    {"Do not see alone: chaperone required", "Home visits in pairs only"},
	"infection_risk":  {"MRSA positive: last appointment of the session", "Immunosuppressed: avoid the waiting room when busy"},
}
