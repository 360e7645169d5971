// Package pathways holds referrals in and out, the append-only list of
// events on each, and the rules that read clocks from those events: the
// NHS England referral-to-treatment (RTT) 18 weeks, and the cancer Faster
// Diagnosis, 62-day and 31-day standards (SPEC §2.6, §4.6). It does no I/O
// and knows no store: a clock is computed from events, never typed.
package pathways
