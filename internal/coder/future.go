package coder

// Announced events. CAMEO codes what an actor says it will do as an event of
// its own, asserted now: a promise to cooperate is an intent (root 03,
// PLOVER AGREE: "Chile will back Peru's bid" is 032), and a conflict
// action announced for the future is a threat (root 13: "the navy will
// blockade the port" is 1381). announcedCodes maps a code prefix, longest first,
// to the code of its announcement.
var announcedCodes = map[string]string{
	// Intents (03).
	"04": "036", "05": "032", "06": "031",
	// A promise to sign or conclude an agreement is one to settle (037),
	// as an appeal or demand to conclude one is to settle (027, 107).
	"057": "037", "061": "0311", "062": "0312", "063": "0313", "064": "0314",
	"07": "033", "071": "0331", "072": "0332", "073": "0333", "074": "0334",
	"08": "035", "081": "0351", "082": "0352", "084": "0353", "0841": "0353", "085": "0354", "086": "0355", "087": "0356",
	// Reform promised (034) as granted (083): leadership, policy, rights,
	// institutions.
	"083": "034", "0831": "0341", "0832": "0342", "0833": "0343", "0834": "0344",
	// Threats (13).
	"14": "133", "15": "138",
	"16": "131", "161": "1313", "162": "1311", "163": "1312", "164": "134", "165": "135", "166": "136",
	"17": "137", "172": "132", "1721": "1321", "1722": "1322", "1723": "1323", "1724": "1324",
	"18": "1384", "181": "138",
	"19": "1384", "191": "1381", "192": "1382",
	"20": "1383", "204": "1385", "2041": "1385", "2042": "1385",
}

// announced returns the code of announcing the event code for the future.
func announced(code string) (string, bool) {
	for n := len(code); n >= 2; n-- {
		if c, ok := announcedCodes[code[:n]]; ok {
			return c, true
		}
	}
	return "", false
}

// Refused events. CAMEO codes a refusal to cooperate or yield as a
// rejection (root 12): "Malta will not take in more migrants", "the
// governor declined to step down" (1231). refusedCodes maps a code
// prefix, longest first, to the code of refusing it.
var refusedCodes = map[string]string{
	"03": "120", "036": "125", "037": "127", "038": "126", "039": "126",
	"04": "125", "045": "126",
	"05": "120", "057": "127",
	"06": "121", "061": "1211", "062": "1212", "063": "1213",
	"07": "122", "071": "1221", "072": "1222", "073": "1223", "074": "1224",
	"08": "124", "081": "1241", "082": "1242", "083": "123", "0831": "1231", "0832": "1232", "0833": "1233",
	"0834": "1234", "084": "1243", "085": "1244", "086": "1245", "087": "1246",
}

// refused returns the code of refusing the event code.
func refused(code string) (string, bool) {
	for n := len(code); n >= 2; n-- {
		if c, ok := refusedCodes[code[:n]]; ok {
			return c, true
		}
	}
	return "", false
}
