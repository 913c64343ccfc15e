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

	"github.com/gin-gonic/gin"

	"zukunftswerk"
	"zukunftswerk/server/demo"
	"zukunftswerk/server/domain"
	"zukunftswerk/server/store"
)

// serveBareGin is the child process of the separate-process baseline: the
// same bare handler as bareGin, on its own.
func serveBareGin(addr string) error {
	gin.SetMode(gin.ReleaseMode)
	engine := gin.New()
	engine.POST("/punkte", func(c *gin.Context) {
		_ = c.Request.ParseForm()
		c.JSON(http.StatusOK, gin.H{"remaining": 1, "on_card": 1, "total": 1})
	})
	return http.ListenAndServe(addr, engine)
}

// separateTest measures dot-vote saturation with the server in its own
// process, against a bare gin handler also in its own process, so that the
// simulated phones' work does not count against either.
func separateTest(phoneCount int) error {
	ctx := context.Background()
	dir, err := os.MkdirTemp("", "zw-sep-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	self, err := os.Executable()
	if err != nil {
		return err
	}
	ginAddr, err := freeAddr()
	if err != nil {
		return err
	}
	bare := exec.Command(self, "-serve-bare-gin", ginAddr)
	if err := bare.Start(); err != nil {
		return err
	}
	defer func() { _ = bare.Process.Signal(syscall.SIGTERM); _ = bare.Wait() }()
	if err := waitUp("http://"+ginAddr+"/punkte", true); err != nil {
		return err
	}
	ginBefore := bareGinAgainst("http://"+ginAddr+"/punkte", 3*time.Second)

	bin := filepath.Join(dir, "zukunftswerk")
	if out, err := exec.Command("go", "build", "-o", bin, "zukunftswerk/server").CombinedOutput(); err != nil {
		return fmt.Errorf("go build: %v\n%s", err, out)
	}
	dbPath := filepath.Join(dir, "sep.db")
	st, err := store.Open(ctx, dbPath, zukunftswerk.Migrations())
	if err != nil {
		return err
	}
	if err := demo.Load(ctx, st); err != nil {
		return err
	}
	code, err := openWorkshop(ctx, st, phoneCount)
	if err != nil {
		return err
	}
	if _, err := st.UpdateWorkshop(ctx, store.Actor{Name: "loadtest"}, 1, 1, "voting_open", func(w *domain.Workshop) error {
		w.VotingOpen = true
		return nil
	}); err != nil {
		return err
	}
	st.Close()
	redisURL := os.Getenv("REDIS_URL")
	if redisURL == "" {
		redisURL = "redis://127.0.0.1:6379/0"
	}
	addr, err := freeAddr()
	if err != nil {
		return err
	}
	server := exec.Command(bin)
	server.Env = append(os.Environ(), "LISTEN_ADDR="+addr, "DATABASE_URL="+dbPath, "REDIS_URL="+redisURL,
		"REDIS_PREFIX="+fmt.Sprintf("zwsep:%d:", time.Now().UnixNano()), "BASE_URL=http://"+addr)
	if err := server.Start(); err != nil {
		return err
	}
	defer func() { _ = server.Process.Signal(syscall.SIGTERM); _ = server.Wait() }()
	base := "http://" + addr
	if err := waitUp(base+"/readyz", false); err != nil {
		return err
	}
	phones, err := joinAll(base, code, phoneCount)
	if err != nil {
		return err
	}
	var cards []int64
	for i, p := range phones[:min(20, len(phones))] {
		id, err := p.card(base, code, fmt.Sprintf("Karte %d", i))
		if err != nil {
			return err
		}
		cards = append(cards, id)
	}
	dots := saturate(base, code, phones, cards, 3*time.Second)
	ginAfter := bareGinAgainst("http://"+ginAddr+"/punkte", 3*time.Second)
	mean := (ginBefore + ginAfter) / 2
	fmt.Printf("separate processes, %d workers: bare gin %.0f / %.0f req/s, dot votes %.0f req/s = %.2f of bare gin\n",
		workers, ginBefore, ginAfter, dots, dots/mean)
	return nil
}

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
