package server_test

import (
	"testing"

	"github.com/sitrep/sitrep/internal/server"
	"github.com/sitrep/sitrep/internal/server/storetest"
)

func TestMemoryStoreContract(t *testing.T) {
	storetest.Run(t, func(t *testing.T) server.Store { return server.NewMemoryStore() })
}
