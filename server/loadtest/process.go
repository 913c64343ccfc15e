package main

import (
	"context"
	"fmt"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"syscall"
	"time"

	"zukunftswerk"
	"zukunftswerk/server/demo"
	"zukunftswerk/server/domain"
	"zukunftswerk/server/store"
)

// serverProcess is the real server binary on a SQLite file in its own temp
// folder, for the modes that must measure or kill the server apart from
// the simulated phones (-kill, -memory, -separate).
type serverProcess struct {
	dir, bin, dbPath, addr string
	env                    []string
	cmd                    *exec.Cmd
}

// newServerProcess builds the binary and prepares the database with the
// demo and an open workshop (voting open when asked); it returns the join
// code. The server is not started yet.
func newServerProcess(ctx context.Context, name string, votingOpen bool) (*serverProcess, string, error) {
	dir, err := os.MkdirTemp("", "zw-"+name+"-")
	if err != nil {
		return nil, "", err
	}
	s := &serverProcess{dir: dir, bin: filepath.Join(dir, "zukunftswerk"), dbPath: filepath.Join(dir, name+".db")}
	if out, err := exec.Command("go", "build", "-o", s.bin, "zukunftswerk/server").CombinedOutput(); err != nil {
		s.remove()
		return nil, "", fmt.Errorf("go build: %v\n%s", err, out)
	}
	code, err := prepareWorkshop(ctx, s.dbPath, votingOpen)
	if err != nil {
		s.remove()
		return nil, "", err
	}
	if s.addr, err = freeAddr(); err != nil {
		s.remove()
		return nil, "", err
	}
	redisURL := os.Getenv("REDIS_URL")
	if redisURL == "" {
		redisURL = "redis://127.0.0.1:6379/0"
	}
	s.env = append(os.Environ(), "LISTEN_ADDR="+s.addr, "DATABASE_URL="+s.dbPath, "REDIS_URL="+redisURL,
		fmt.Sprintf("REDIS_PREFIX=zw%s:%d:", name, time.Now().UnixNano()), "MIN_FILL_SECONDS=0", "BASE_URL=http://"+s.addr,
		"CLIENT_RATE_PER_HOUR=10000000", "CARD_RATE_PER_MINUTE=1000000",
		"CARD_RATE_PER_CLIENT_MINUTE=10000000", "STREAMS_PER_CLIENT=1000000")
	return s, code, nil
}

func prepareWorkshop(ctx context.Context, dbPath string, votingOpen bool) (string, error) {
	st, err := store.Open(ctx, dbPath, zukunftswerk.Migrations())
	if err != nil {
		return "", err
	}
	defer st.Close()
	if err := demo.Load(ctx, st); err != nil {
		return "", err
	}
	code, err := openWorkshop(ctx, st)
	if err != nil || !votingOpen {
		return code, err
	}
	_, err = st.UpdateWorkshop(ctx, store.Actor{Name: "loadtest"}, 1, 1, "voting_open", func(w *domain.Workshop) error {
		w.VotingOpen = true
		return nil
	})
	return code, err
}

// base is the server's URL.
func (s *serverProcess) base() string { return "http://" + s.addr }

// start runs the server (again, on the same address and database) and
// waits until it is ready.
func (s *serverProcess) start() error {
	s.cmd = exec.Command(s.bin)
	s.cmd.Env = s.env
	if err := s.cmd.Start(); err != nil {
		return err
	}
	return waitUp(s.base()+"/readyz", false)
}

// kill ends the server with SIGKILL, as a crash would.
func (s *serverProcess) kill() error {
	if err := s.cmd.Process.Signal(syscall.SIGKILL); err != nil {
		return err
	}
	_ = s.cmd.Wait()
	return nil
}

// close stops the server gracefully and removes its folder.
func (s *serverProcess) close() {
	if s.cmd != nil && s.cmd.ProcessState == nil {
		_ = s.cmd.Process.Signal(syscall.SIGTERM)
		_ = s.cmd.Wait()
	}
	s.remove()
}

func (s *serverProcess) remove() { os.RemoveAll(s.dir) }

// waitUp polls url until it answers 200.
func waitUp(url string, post bool) error {
	for i := 0; i < 600; i++ {
		var res *http.Response
		var err error
		if post {
			res, err = http.Post(url, "application/x-www-form-urlencoded", nil)
		} else {
			res, err = http.Get(url)
		}
		if err == nil {
			res.Body.Close()
			if res.StatusCode == http.StatusOK {
				return nil
			}
		}
		time.Sleep(50 * time.Millisecond)
	}
	return fmt.Errorf("%s did not come up", url)
}

// startLoaded starts the server binary with voting open, joins phoneCount
// phones and has each write cardsEach cards; the caller closes the server.
func startLoaded(ctx context.Context, name string, phoneCount, cardsEach int, label string) (*serverProcess, string, []*phone, []int64, error) {
	server, code, err := newServerProcess(ctx, name, true)
	if err != nil {
		return nil, "", nil, nil, err
	}
	if err := server.start(); err != nil {
		server.close()
		return nil, "", nil, nil, err
	}
	phones, err := joinAll(server.base(), code, phoneCount)
	if err != nil {
		server.close()
		return nil, "", nil, nil, err
	}
	cards, err := writeCards(server.base(), code, phones, cardsEach, label)
	if err != nil {
		server.close()
		return nil, "", nil, nil, err
	}
	return server, code, phones, cards, nil
}
