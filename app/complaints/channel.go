package complaints

// Channel is how a complaint reached the practice.
type Channel string

const (
	Oral    Channel = "oral"    // in person or by telephone
	Written Channel = "written" // letter or form
	Email   Channel = "email"
)

var channelOptions = []option[Channel]{
	{Oral, "Oral (in person or by phone)", []string{"oral", "verbal", "phone", "telephone", "in person", "face to face"}},
	{Written, "Written (letter or form)", []string{"written", "letter", "post", "form"}},
	{Email, "Email", []string{"e-mail", "online"}},
}

// Channels lists the channels in the order the form offers them.
func Channels() []Channel { return keysOf(channelOptions) }

// Label is the channel as staff see it.
func (c Channel) Label() string { return labelOf(c, channelOptions) }

// Valid reports whether c is one of the channels.
func (c Channel) Valid() bool { return known(c, channelOptions) }

// ParseChannel accepts a channel's key, its label or a common synonym
// ("phone", "letter", "e-mail"), in any case.
func ParseChannel(s string) (Channel, error) { return parseOption("channel", s, channelOptions) }

// manner says how the complaint was made, for sentences: "in writing".
func (c Channel) manner() string {
	switch c {
	case Oral:
		return "orally"
	case Written:
		return "in writing"
	case Email:
		return "by email"
	}
	return "by an unknown channel"
}
