package seed

// The name pools. Every name is spelt as the people who carry it spell it:
// diacritics (Siân, Łukasz, Ștefan with a comma below, İbrahim), Irish and
// Polish feminine surname forms (Ní Bhriain, Wiśniewska), apostrophes and
// hyphens (O'Brien, Smith-Jones), and for some Chinese patients the name in
// Chinese characters as the name they prefer.
//
// A forename may carry the short form its owner goes by: "Małgorzata|Gosia".

// surname is a family name in its masculine and feminine forms (the same
// for most cultures).
type surname struct{ male, female string }

func same(names ...string) []surname {
	out := make([]surname, len(names))
	for i, n := range names {
		out[i] = surname{n, n}
	}
	return out
}

// hanName is a romanised name and the same name in Chinese characters.
type hanName struct{ latin, han string }

// language is a preferred language a culture's patients may give, how
// likely they are to give it, and how likely those who do need an
// interpreter.
type language struct {
	name        string
	prefer      float64
	interpreter float64
}

type culture struct {
	name     string
	weight   float64
	female   []string
	male     []string
	surnames []surname
	// languages, tried in order.
	languages []language
	// towns this community is most often found in (names in places); a
	// patient lives in one of them with probability local.
	towns []string
	local float64
	// han: surnames and given names with their characters (Chinese only).
	hanSurnames, hanFemale, hanMale []hanName
	// youngFemale/youngMale: names given mostly in the last thirty years.
	youngFemale, youngMale []string
	// nickFemale/nickMale: English names some patients go by.
	nickFemale, nickMale []string
	// sikh: women's second name is Kaur and men's Singh.
	sikh bool
}

var cultures = []culture{
	{
		name:   "english",
		weight: 52,
		youngFemale: []string{"Olivia", "Amelia", "Isla", "Ava", "Emily", "Sophie", "Grace", "Ellie", "Freya", "Poppy",
			"Lily-Rose", "Evie", "Matilda|Tilly", "Phoebe", "Chloe", "Chloë", "Zoë", "Harriet", "Isabella|Bella", "Mia"},
		youngMale: []string{"Oliver|Ollie", "George", "Harry", "Jack", "Noah", "Leo", "Arthur", "Oscar", "Alfie",
			"Freddie", "Archie", "Theo", "Reuben", "Charlie", "Jacob|Jake", "Finley|Finn", "Harrison"},
		female: []string{"Charlotte", "Jessica", "Lucy", "Hannah", "Zoë", "Margaret|Peggy", "Joan", "Dorothy|Dot", "Patricia|Pat",
			"Susan|Sue", "Elaine", "Karen", "Julie", "Sarah", "Helen", "Rebecca|Becky", "Gemma", "Laura", "Mary",
			"Jean", "Brenda", "Anne-Marie", "Beatrice|Bea", "Renée", "Elizabeth|Liz", "Victoria|Vicky", "Rosemary",
			"Jennifer|Jenny", "Catherine|Kate", "Deborah|Debbie", "Sandra", "Pauline", "Kathleen", "Irene", "Sheila", "Valerie", "Linda", "Tracey", "Naomi",
			"Doreen", "Gillian|Gill", "Carol", "Lorraine"},
		male: []string{"Thomas|Tom", "James|Jim",
			"William|Bill", "John", "David|Dave", "Peter", "Michael|Mike", "Robert|Bob", "Paul", "Mark", "Andrew|Andy",
			"Stephen|Steve", "Christopher|Chris", "Daniel|Dan", "Matthew|Matt", "Ian", "Keith", "Gary", "Graham", "Derek",
			"Kenneth|Ken", "Ronald|Ron", "Samuel|Sam", "Joseph|Joe", "Edward|Ted",
			"Richard|Rick", "Anthony|Tony", "Philip|Phil", "Nigel", "Trevor", "Barry", "Alan", "Colin", "Geoffrey|Geoff",
			"Benjamin|Ben", "Nathan", "Luke", "Jean-Paul", "Stanley|Stan", "Harold", "Dennis", "Malcolm"},
		surnames: same("Smith", "Jones", "Taylor", "Brown", "Williams", "Wilson", "Johnson", "Davies", "Robinson", "Wright",
			"Thompson", "Evans", "Walker", "White", "Roberts", "Green", "Hall", "Wood", "Jackson", "Clarke", "Harris",
			"Lewis", "Hughes", "Edwards", "Turner", "Hill", "Cooper", "Ward", "Morris", "Moore", "King", "Baker",
			"Harrison", "Clark", "Shaw", "Atkinson", "Holmes", "Barker", "Marshall", "Pickles", "Sutcliffe", "Hartley",
			"Ackroyd", "Greenwood", "Butterworth", "Fawcett", "Lister", "Brontë", "D'Arcy", "Smith-Jones", "Fox-Talbot",
			"Ashworth-Hughes", "Featherstonehaugh", "Oakes", "Thwaite", "Fletcher", "Chapman", "Mellor", "Haigh",
			"Stephenson", "Bell", "Booth", "Firth", "Dyson", "Kershaw", "Whitaker", "Young", "Allen", "Mitchell"),
		towns: []string{"Leeds", "Bradford", "Wakefield", "Harrogate", "Huddersfield", "York", "Sheffield", "Manchester",
			"Newcastle upon Tyne", "Norwich", "Plymouth", "Exeter", "Nottingham", "Southampton", "Brighton", "Oxford",
			"Cambridge", "Coventry", "Bristol", "London", "Liverpool", "Birmingham", "Peterborough"},
		local: 1,
	},
	{
		name:   "scottish",
		weight: 7,
		female: []string{"Isla", "Ailsa", "Morag", "Catriona|Cat", "Eilidh", "Kirsty", "Fiona", "Mhairi", "Iona", "Shona",
			"Ishbel", "Elspeth", "Kirsteen", "Marion", "Rhona", "Euphemia|Effie"},
		male: []string{"Hamish", "Angus", "Callum", "Ewan", "Alasdair|Ally", "Ruaridh", "Fraser", "Lachlan", "Murdo",
			"Struan", "Calum", "Iain", "Euan", "Finlay", "Gregor", "Innes", "Torquil", "Dougal"},
		surnames: same("MacDonald", "McLeod", "Campbell", "Stewart", "Robertson", "Fraser", "MacKenzie", "McIntyre",
			"Buchanan", "Sinclair", "Urquhart", "Drummond", "Crawford", "Maclean", "MacGregor", "Ross", "Mackay",
			"Menzies", "Dalziel", "Gillespie", "McAllister", "Cunningham", "Munro", "Henderson"),
		languages: []language{{"Scottish Gaelic", 0.01, 0}},
		towns:     []string{"Glasgow", "Edinburgh", "Aberdeen", "Dundee", "Inverness", "Stirling", "Paisley"},
		local:     0.8,
	},
	{
		name:   "welsh",
		weight: 6,
		female: []string{"Siân", "Cerys", "Rhiannon", "Angharad", "Ffion", "Seren", "Gwenllian|Gwen", "Bethan", "Eleri",
			"Catrin", "Nia", "Mererid", "Lowri", "Elin", "Heledd", "Megan", "Gwenno", "Llinos", "Mair"},
		male: []string{"Rhys", "Dafydd|Dai", "Gareth", "Ieuan", "Iwan", "Gruffydd", "Emyr", "Ŵyn", "Aled", "Owain",
			"Llŷr", "Tomos|Tom", "Huw", "Osian", "Gethin", "Geraint", "Bryn", "Hywel", "Rhodri", "Dylan", "Meirion"},
		surnames: same("Jones", "Williams", "Davies", "Evans", "Thomas", "Roberts", "Hughes", "Lewis", "Morgan",
			"Griffiths", "Llewellyn", "Pritchard", "Prosser", "Bowen", "Powell", "Vaughan", "ap Gwilym", "Parry",
			"Rees", "Price", "Owen", "Jenkins", "Lloyd", "Prydderch", "Gwynne"),
		languages: []language{{"Welsh", 0.12, 0}},
		towns:     []string{"Cardiff", "Swansea", "Newport", "Wrexham", "Bangor", "Aberystwyth", "Carmarthen", "Llanelli"},
		local:     0.8,
	},
	{
		name:   "irish",
		weight: 5,
		female: []string{"Siobhán", "Niamh", "Aoife", "Saoirse", "Róisín", "Caoimhe", "Orla", "Bríd", "Gráinne", "Áine",
			"Clodagh", "Sinéad", "Méabh", "Deirdre", "Eimear", "Fionnuala|Nuala"},
		male: []string{"Seán", "Ciarán", "Pádraig|Paddy", "Eoin", "Oisín", "Cian", "Darragh", "Ruairí", "Colm", "Declan",
			"Dónal", "Tadhg", "Éamon", "Fionn", "Cathal", "Diarmuid"},
		surnames: append([]surname{
			{"Ó Briain", "Ní Bhriain"}, {"Ó Súilleabháin", "Ní Shúilleabháin"}, {"Mac Cárthaigh", "Nic Cárthaigh"},
			{"Ó Néill", "Ní Néill"}, {"Ó Dónaill", "Ní Dhónaill"}, {"Mac Giolla Phádraig", "Nic Giolla Phádraig"},
		}, same("O'Brien", "O'Sullivan", "Murphy", "Kelly", "Byrne", "Walsh", "Ryan", "Doherty", "McCarthy",
			"Gallagher", "O'Neill", "Quinn", "Fitzpatrick", "Ó Ceallaigh", "Brennan", "Nolan", "Kavanagh", "O'Connor",
			"Mulholland", "McLaughlin")...),
		languages: []language{{"Irish", 0.01, 0}},
		towns:     []string{"Belfast", "Derry/Londonderry", "Newry", "Liverpool", "Manchester", "London", "Birmingham"},
		local:     0.9,
	},
	{
		name:   "south_asian_muslim",
		weight: 5,
		female: []string{"Aisha", "Fatima", "Ayesha", "Nusrat", "Sadia", "Shabana", "Rukhsana", "Zainab", "Nasreen",
			"Parveen", "Samina", "Amna", "Maryam", "Hira", "Iqra", "Khadija", "Noor", "Sana"},
		male: []string{"Mohammed", "Muhammad", "Imran", "Amir", "Bilal", "Hamza", "Tariq", "Abdul", "Rizwan", "Shahid",
			"Sajid", "Zubair", "Asif", "Naveed", "Usman", "Haroon", "Yasir", "Ibrahim"},
		surnames: same("Khan", "Hussain", "Ahmed", "Ali", "Akhtar", "Iqbal", "Chaudhry", "Mahmood", "Rashid",
			"Shah", "Butt", "Malik", "Qureshi", "Siddiqui", "Raza", "Anwar", "Javed", "Bibi"),
		languages: []language{{"Urdu", 0.22, 0.45}, {"Punjabi", 0.08, 0.4}},
		towns:     []string{"Bradford", "Birmingham", "Manchester", "Oldham", "Blackburn", "Luton", "Slough", "Leeds"},
		local:     0.8,
	},
	{
		name:   "bangladeshi",
		weight: 2.5,
		female: []string{"Shamima", "Rokeya", "Taslima", "Sumaiya", "Jesmin", "Rehana", "Fahmida", "Nazia", "Tahmina",
			"Sultana", "Farzana"},
		male: []string{"Abdul", "Mohammed", "Shahidul", "Anwar", "Jamal", "Kamal", "Rashed", "Habib", "Faruk",
			"Mizanur", "Ashraf", "Rafiq"},
		surnames: append([]surname{{"Miah", "Begum"}, {"Uddin", "Begum"}, {"Ali", "Khatun"}},
			same("Rahman", "Islam", "Hoque", "Chowdhury", "Hossain", "Ahmed", "Khan", "Alam", "Karim")...),
		languages: []language{{"Bengali", 0.3, 0.5}, {"Sylheti", 0.1, 0.6}},
		towns:     []string{"London", "Birmingham", "Oldham", "Bradford", "Luton"},
		local:     0.85,
	},
	{
		name:   "gujarati_hindu",
		weight: 3,
		female: []string{"Priya", "Anjali", "Sunita", "Deepa", "Kavya", "Meera", "Hetal", "Nisha", "Bhavna", "Rekha",
			"Jayshree", "Komal", "Pooja", "Shruti", "Hansa"},
		male: []string{"Arjun", "Rahul", "Vikram", "Sanjay", "Ravi", "Anil", "Nikhil", "Kiran", "Dilip", "Mahesh",
			"Hitesh", "Jignesh", "Pranav", "Rohan", "Suresh", "Ashok"},
		surnames: same("Patel", "Shah", "Mistry", "Chauhan", "Parmar", "Sharma", "Gupta", "Joshi", "Desai", "Mehta",
			"Solanki", "Pandya", "Thakkar", "Lad", "Rana", "Modi", "D'Souza", "Fernandes"),
		languages: []language{{"Gujarati", 0.15, 0.4}, {"Hindi", 0.05, 0.3}},
		towns:     []string{"Leicester", "London", "Birmingham", "Coventry", "Bradford"},
		local:     0.8,
	},
	{
		name:   "punjabi_sikh",
		weight: 2.5,
		// Kaur and Singh follow the forename, unless they are the surname.
		female: []string{"Harpreet", "Manpreet", "Jaspreet", "Gurpreet", "Simran", "Amrit", "Navdeep", "Rajinder",
			"Kuldip", "Balbir", "Parminder"},
		male: []string{"Gurpreet", "Harjit", "Jaswinder", "Sukhdev", "Manjit", "Amarjit", "Kulwant", "Ranjit",
			"Harvinder", "Jagdeep", "Parminder"},
		sikh:      true,
		surnames:  append([]surname{{"Singh", "Kaur"}}, same("Sandhu", "Gill", "Dhillon", "Sidhu", "Bains", "Johal", "Sahota", "Atwal", "Grewal", "Virdi")...),
		languages: []language{{"Punjabi", 0.25, 0.5}},
		towns:     []string{"Birmingham", "Leeds", "Coventry", "Leicester", "Slough", "London", "Bradford"},
		local:     0.85,
	},
	{
		name:   "polish",
		weight: 4,
		female: []string{"Agnieszka|Aga", "Małgorzata|Gosia", "Katarzyna|Kasia", "Magdalena|Magda", "Zofia", "Joanna",
			"Ewa", "Aleksandra|Ola", "Dorota", "Beata", "Paulina", "Żaneta", "Urszula", "Krystyna", "Grażyna", "Jadwiga",
			"Weronika"},
		male: []string{"Łukasz", "Paweł", "Piotr", "Krzysztof", "Tomasz", "Grzegorz", "Michał", "Wojciech|Wojtek",
			"Jakub|Kuba", "Marcin", "Jarosław|Jarek", "Bartłomiej|Bartek", "Mateusz", "Przemysław|Przemek", "Zbigniew",
			"Stanisław"},
		surnames: []surname{
			{"Wiśniewski", "Wiśniewska"}, {"Kowalski", "Kowalska"}, {"Nowak", "Nowak"}, {"Lewandowski", "Lewandowska"},
			{"Wójcik", "Wójcik"}, {"Kamiński", "Kamińska"}, {"Zieliński", "Zielińska"}, {"Szymański", "Szymańska"},
			{"Woźniak", "Woźniak"}, {"Dąbrowski", "Dąbrowska"}, {"Kozłowski", "Kozłowska"}, {"Mazur", "Mazur"},
			{"Krawczyk", "Krawczyk"}, {"Jankowski", "Jankowska"}, {"Wróbel", "Wróbel"}, {"Pawłowski", "Pawłowska"},
			{"Grabowski", "Grabowska"}, {"Michalski", "Michalska"}, {"Król", "Król"}, {"Wieczorek", "Wieczorek"},
			{"Jabłoński", "Jabłońska"}, {"Majewski", "Majewska"}, {"Olszewski", "Olszewska"}, {"Stępień", "Stępień"},
			{"Górski", "Górska"}, {"Sikora", "Sikora"}, {"Bąk", "Bąk"}, {"Żak", "Żak"}, {"Chmielewski", "Chmielewska"},
		},
		languages: []language{{"Polish", 0.4, 0.35}},
		towns:     []string{"Peterborough", "Boston", "Leeds", "London", "Bradford", "Southampton", "Nottingham", "Slough"},
		local:     0.7,
	},
	{
		name:   "nigerian",
		weight: 3,
		female: []string{"Chiamaka|Amaka", "Adaeze|Ada", "Ngozi", "Folasade|Sade", "Funmilayo|Funmi", "Temitope|Tope",
			"Yetunde", "Chidinma", "Ifeoma", "Bukola", "Oluwaseun|Seun", "Abimbola|Bimbo", "Nneka", "Omolara|Lara",
			"Adaora", "Titilayo"},
		male: []string{"Adebayo|Bayo", "Oluwaseun|Seun", "Chinedu", "Emeka", "Obinna", "Babatunde|Tunde", "Olumide",
			"Chukwuemeka|Emeka", "Ikenna", "Femi", "Kayode", "Uchenna", "Oluwadamilare|Dami", "Segun", "Nnamdi",
			"Adewale|Wale"},
		surnames: same("Adeyemi", "Okafor", "Okonkwo", "Adebayo", "Oluwole", "Nwosu", "Eze", "Obi", "Balogun",
			"Adewale", "Ogunleye", "Chukwu", "Nwachukwu", "Afolabi", "Olaniyan", "Ibrahim", "Okoro", "Adeleke",
			"Onyekachi", "Oyelaran", "Akinwumi"),
		languages: []language{{"Yoruba", 0.02, 0.3}, {"Igbo", 0.01, 0.3}},
		towns:     []string{"London", "Manchester", "Birmingham", "Leeds", "Liverpool", "Nottingham"},
		local:     0.6,
	},
	{
		name:   "chinese",
		weight: 3,
		hanSurnames: []hanName{{"Wang", "王"}, {"Li", "李"}, {"Zhang", "张"}, {"Liu", "刘"}, {"Chen", "陈"}, {"Yang", "杨"},
			{"Huang", "黄"}, {"Zhao", "赵"}, {"Wu", "吴"}, {"Zhou", "周"}, {"Lin", "林"}, {"Xu", "徐"}, {"Sun", "孙"}},
		hanFemale: []hanName{{"Xiuying", "秀英"}, {"Guiying", "桂英"}, {"Xiulan", "秀兰"}, {"Fang", "芳"}, {"Na", "娜"},
			{"Min", "敏"}, {"Jing", "静"}, {"Li", "丽"}, {"Yan", "燕"}, {"Hui", "慧"}, {"Xinyi", "欣怡"}},
		hanMale: []hanName{{"Wei", "伟"}, {"Lei", "磊"}, {"Qiang", "强"}, {"Jun", "军"}, {"Yang", "洋"}, {"Hao", "浩"}, {"Yi", "毅"},
			{"Jianguo", "建国"}, {"Zhiwei", "志伟"}, {"Tao", "涛"}, {"Ming", "明"}},
		nickFemale: []string{"Grace", "Winnie", "Vivian", "Cherry", "Joanne", "Amy"},
		nickMale:   []string{"Kelvin", "Eric", "Jason", "Vincent", "Tony", "Kenny"},
		languages:  []language{{"Mandarin", 0.25, 0.5}, {"Cantonese", 0.15, 0.5}},
		towns:      []string{"London", "Manchester", "Liverpool", "Cambridge", "Oxford", "Sheffield", "Glasgow", "Leeds"},
		local:      0.6,
	},
	{
		name:   "caribbean",
		weight: 3,
		female: []string{"Shanice", "Marcia", "Beverley|Bev", "Claudette", "Hyacinth", "Jacqueline|Jackie", "Tanisha",
			"Keisha", "Sonia", "Paulette", "Yvonne", "Janelle", "Althea", "Monique"},
		male: []string{"Delroy", "Winston", "Leroy", "Errol", "Clive", "Marcus", "Trevor", "Desmond|Des", "Jermaine",
			"Tyrone", "Lloyd", "Carlton", "Devon", "Courtney", "Neville", "Kareem"},
		surnames: same("Campbell", "Brown", "Williams", "Thompson", "Grant", "Johnson", "Clarke", "Francis", "Henry",
			"Reid", "Bailey", "Forbes", "McKenzie", "Samuels", "Gayle", "Beckford", "Morgan", "Edwards", "Bennett",
			"Josephs", "St Hilaire", "Pinnock"),
		towns: []string{"London", "Birmingham", "Bristol", "Leeds", "Manchester", "Nottingham"},
		local: 0.8,
	},
	{
		name:   "somali",
		weight: 1.5,
		female: []string{"Hodan", "Amina", "Fadumo", "Khadra", "Sahra", "Ayan", "Hibo", "Ifrah", "Nasra", "Faduma",
			"Hamdi", "Ubah", "Sagal"},
		male: []string{"Abdi", "Abdirahman", "Mohamed", "Ahmed", "Hassan", "Yusuf", "Omar", "Abdullahi", "Mahad",
			"Liban", "Abdikarim", "Guled", "Mustafe"},
		surnames: same("Abdi", "Hassan", "Mohamed", "Ali", "Warsame", "Farah", "Osman", "Jama", "Egal", "Hersi",
			"Nur", "Ahmed", "Yusuf", "Aden", "Ismail", "Dahir", "Guleid"),
		languages: []language{{"Somali", 0.35, 0.5}, {"Arabic", 0.03, 0.5}},
		towns:     []string{"London", "Bristol", "Cardiff", "Leicester", "Sheffield", "Birmingham", "Manchester"},
		local:     0.9,
	},
	{
		name:   "romanian",
		weight: 2,
		female: []string{"Ioana", "Andreea", "Elena", "Mihaela", "Alexandra", "Ana-Maria", "Cristina", "Roxana",
			"Ștefania", "Georgiana", "Bianca", "Larisa", "Oana", "Florentina"},
		male: []string{"Andrei", "Alexandru", "Ionuț", "Mihai", "Ștefan", "Florin", "Bogdan", "Răzvan", "Cătălin",
			"Gheorghe", "Vasile", "Costel", "Marius", "Dănuț"},
		surnames: same("Popescu", "Ionescu", "Popa", "Dumitru", "Stoica", "Stan", "Gheorghe", "Munteanu", "Constantin",
			"Rădulescu", "Țurcanu", "Dobre", "Lungu", "Ștefănescu", "Bălan", "Niculescu", "Mocanu"),
		languages: []language{{"Romanian", 0.35, 0.4}},
		towns:     []string{"London", "Peterborough", "Boston", "Birmingham", "Leeds", "Coventry"},
		local:     0.75,
	},
	{
		name:   "portuguese",
		weight: 1.5,
		female: []string{"Ana", "Beatriz", "Inês", "Mariana", "Joana", "Leonor", "Conceição", "Margarida", "Fátima",
			"Luísa", "Matilde", "Célia"},
		male: []string{"João", "José", "António|Tó", "Tiago", "Gonçalo", "Rui", "Luís", "Sebastião", "Nuno", "Sérgio",
			"Vítor", "Fábio"},
		surnames: same("Silva", "Santos", "Ferreira", "Pereira", "Oliveira", "Costa", "Rodrigues", "Martins",
			"Gonçalves", "Magalhães", "Simões", "da Silva", "dos Santos", "Sousa", "Carvalho", "Lopes", "Assunção"),
		languages: []language{{"Portuguese", 0.3, 0.4}},
		towns:     []string{"London", "Peterborough", "Boston", "Norwich", "Bristol", "Southampton"},
		local:     0.75,
	},
	{
		name:   "turkish",
		weight: 1.5,
		female: []string{"Ayşe", "Fatma", "Zeynep", "Elif", "Emine", "Hülya", "Gülşen", "Özlem", "Şule", "Hatice",
			"Merve", "Büşra", "Sevgi"},
		male: []string{"Mehmet", "Mustafa", "Ahmet", "Ali", "Hüseyin", "İbrahim", "Emre", "Burak", "Çağlar", "Oğuz",
			"Hasan", "Murat", "Yusuf", "Serkan"},
		surnames: same("Yılmaz", "Kaya", "Demir", "Şahin", "Çelik", "Yıldız", "Öztürk", "Aydın", "Özdemir",
			"Arslan", "Doğan", "Kılıç", "Aslan", "Çetin", "Kurt", "Koç"),
		languages: []language{{"Turkish", 0.35, 0.45}, {"Kurdish", 0.05, 0.5}},
		towns:     []string{"London", "Manchester", "Birmingham", "Leeds", "Norwich"},
		local:     0.8,
	},
	{
		name:   "arab",
		weight: 1.5,
		female: []string{"Layla", "Rania", "Huda", "Noor", "Yasmin", "Hala", "Rasha", "Dalia", "Lina", "Mariam", "Reem"},
		male: []string{"Omar", "Khaled", "Ahmad", "Yousef", "Karim", "Tarek", "Samir", "Walid", "Hussein", "Ziad",
			"Faisal", "Nabil"},
		surnames: same("Al-Hassan", "Haddad", "Khalil", "Al-Rashid", "Nasser", "Saleh", "Al-Amin", "Darwish",
			"Mansour", "Hamdan", "El-Sayed", "Abboud", "Al-Khatib"),
		languages: []language{{"Arabic", 0.4, 0.5}, {"Kurdish", 0.04, 0.5}},
		towns:     []string{"London", "Manchester", "Birmingham", "Cardiff", "Sheffield", "Glasgow", "Coventry"},
		local:     0.85,
	},
}
