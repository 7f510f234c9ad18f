package coder

import "testing"

// "at least" before a quantity does not make the actor after it the
// object of the preposition "at": the victims of a passive verb stay its
// target. Fails without the "at least" case of prepBefore.
func TestAtLeastIsNoPreposition(t *testing.T) {
	for _, tc := range []struct{ text, code, src, tgt string }{
		{"On Sunday, at least a dozen Cameroonian schoolchildren were abducted by gunmen in the northwest.", "181", "UAF", "CMR"},
		{"Rescue workers said at least 14 Haitian fishermen were detained by Dominican patrols.", "173", "DOM", "HTIAGR"},
	} {
		wantEvent(t, tc.text, tc.code, tc.src, tc.tgt)
	}
}
