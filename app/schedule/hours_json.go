package schedule

import "encoding/json"

// MarshalJSON writes each day as a list of [start, end] minute pairs, the
// form the clinic file keeps opening and working hours in.
func (w WeekHours) MarshalJSON() ([]byte, error) {
	days := make([][][2]int, 7)
	for d, spans := range w {
		days[d] = make([][2]int, 0, len(spans))
		for _, s := range spans {
			days[d] = append(days[d], [2]int{int(s.Start), int(s.End)})
		}
	}
	return json.Marshal(days)
}

// UnmarshalJSON reads what MarshalJSON wrote.
func (w *WeekHours) UnmarshalJSON(b []byte) error {
	var days [][][2]int
	if err := json.Unmarshal(b, &days); err != nil {
		return err
	}
	*w = WeekHours{}
	for d := 0; d < len(days) && d < 7; d++ {
		for _, p := range days[d] {
			w[d] = append(w[d], Span{Start: Clock(p[0]), End: Clock(p[1])})
		}
	}
	return nil
}
