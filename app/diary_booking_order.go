package app

import (
	"container/heap"
	"time"

	"clinicdesk/app/schedule"
	"clinicdesk/app/ukcal"
)

// A generated diary comes a day at a time, but a real clinic's file holds
// its appointments in the order they were booked: each day's are spread
// over the weeks before it, among the bookings for other days. Written a
// day at a time, every day would sit on a few neighbouring pages, and the
// bench would time a file no clinic has. bookingOrder holds generated
// appointments until nothing booked earlier can still come, then hands
// them out by the time they were booked.

// bookingHorizon is further ahead than the generator ever books (six
// weeks), with room for bookings it moves back to before "now".
const bookingHorizon = 50 * 24 * time.Hour

type bookingOrder struct{ pending bookingHeap }

// add holds a day's appointments.
func (o *bookingOrder) add(appts []schedule.HistoricAppointment) {
	for _, a := range appts {
		heap.Push(&o.pending, a)
	}
}

// ready hands out, in booking order, the appointments booked before any
// appointment on day or after could have been: the generator has made
// every day up to day.
func (o *bookingOrder) ready(day ukcal.Date) []schedule.HistoricAppointment {
	cutoff := day.Time().Add(-bookingHorizon)
	var out []schedule.HistoricAppointment
	for o.pending.Len() > 0 && o.pending[0].CreatedAt.Before(cutoff) {
		out = append(out, heap.Pop(&o.pending).(schedule.HistoricAppointment))
	}
	return out
}

// rest hands out everything still held, in booking order.
func (o *bookingOrder) rest() []schedule.HistoricAppointment {
	var out []schedule.HistoricAppointment
	for o.pending.Len() > 0 {
		out = append(out, heap.Pop(&o.pending).(schedule.HistoricAppointment))
	}
	return out
}

// bookingHeap is a min-heap by booking time; the id (a UUIDv7, or the
// generator's own) breaks ties so the order is the same every run.
type bookingHeap []schedule.HistoricAppointment

func (h bookingHeap) Len() int { return len(h) }
func (h bookingHeap) Less(i, j int) bool {
	if !h[i].CreatedAt.Equal(h[j].CreatedAt) {
		return h[i].CreatedAt.Before(h[j].CreatedAt)
	}
	return h[i].ID < h[j].ID
}
func (h bookingHeap) Swap(i, j int) { h[i], h[j] = h[j], h[i] }
func (h *bookingHeap) Push(x any)   { *h = append(*h, x.(schedule.HistoricAppointment)) }
func (h *bookingHeap) Pop() any {
	old := *h
	x := old[len(old)-1]
	*h = old[:len(old)-1]
	return x
}
