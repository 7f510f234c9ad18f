package server

// RoutePatterns returns the patterns of the route table, for the tests of
// package server_test.
func RoutePatterns() []string {
	var ps []string
	for _, rt := range routeTable {
		ps = append(ps, rt.pattern)
	}
	return ps
}

// AssetURL returns the content-addressed URL of the embedded asset name.
func AssetURL(name string) (string, error) {
	as, err := loadAssets()
	if err != nil {
		return "", err
	}
	return as.url(name)
}

// PageNames returns the names of the page templates.
func PageNames() []string {
	as, err := loadAssets()
	if err != nil {
		panic(err)
	}
	ps, err := parsePages(as)
	if err != nil {
		panic(err)
	}
	var names []string
	for name := range ps.byName {
		names = append(names, name)
	}
	return names
}
