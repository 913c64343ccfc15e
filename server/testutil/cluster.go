package testutil

import (
	"context"
	"fmt"
	"io"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/redis/go-redis/v9"
)

// StartRedisCluster starts a real three-master Redis Cluster from the
// redis-server binary, on free ports of 127.0.0.1, for this test only, and
// returns its redis-cluster:// URL.
func StartRedisCluster(t testing.TB) string {
	t.Helper()
	server, err := exec.LookPath("redis-server")
	if err != nil {
		Unavailable(t, "redis-server binary", err)
	}
	cli, err := exec.LookPath("redis-cli")
	if err != nil {
		Unavailable(t, "redis-cli binary", err)
	}
	dir := t.TempDir()
	var addrs []string
	for i := 0; i < 3; i++ {
		addrs = append(addrs, startClusterNode(t, server, dir))
	}
	args := append([]string{"--cluster", "create"}, addrs...)
	args = append(args, "--cluster-replicas", "0", "--cluster-yes")
	if out, err := exec.Command(cli, args...).CombinedOutput(); err != nil {
		t.Fatalf("redis-cli --cluster create: %v\n%s", err, out)
	}
	for _, addr := range addrs {
		c := redis.NewClient(&redis.Options{Addr: addr})
		ok := false
		for i := 0; i < 100 && !ok; i++ {
			info, _ := c.ClusterInfo(context.Background()).Result()
			ok = strings.Contains(info, "cluster_state:ok")
			if !ok {
				time.Sleep(50 * time.Millisecond)
			}
		}
		c.Close()
		if !ok {
			t.Fatalf("cluster node %s never reported cluster_state:ok", addr)
		}
	}
	return "redis-cluster://" + addrs[0] + "?addr=" + addrs[1] + "&addr=" + addrs[2]
}

// startClusterNode starts one cluster node. A node needs its port and the
// cluster bus port (port + 10000) free; with many tests starting Redis
// servers at once either may be taken between choosing and binding, so a
// node that does not come up is retried on other ports.
func startClusterNode(t testing.TB, server, dir string) string {
	t.Helper()
	for attempt := 0; attempt < 5; attempt++ {
		port := FreePort(t)
		if port+10000 > 65535 || !portFree(port+10000) {
			continue
		}
		cmd := exec.Command(server, "--port", strconv.Itoa(port), "--bind", "127.0.0.1",
			"--cluster-enabled", "yes", "--cluster-config-file", fmt.Sprintf("nodes-%d.conf", port),
			"--dir", dir, "--save", "", "--appendonly", "no")
		if err := cmd.Start(); err != nil {
			t.Fatalf("start cluster node: %v", err)
		}
		addr := "127.0.0.1:" + strconv.Itoa(port)
		if redisAnswers(addr, 5*time.Second) {
			t.Cleanup(func() { _ = cmd.Process.Kill(); _ = cmd.Wait() })
			return addr
		}
		_ = cmd.Process.Kill()
		_ = cmd.Wait()
	}
	t.Fatalf("no cluster node came up in five attempts")
	return ""
}

func portFree(port int) bool {
	l, err := net.Listen("tcp", "127.0.0.1:"+strconv.Itoa(port))
	if err != nil {
		return false
	}
	l.Close()
	return true
}

// redisAnswers waits up to timeout for the server to answer PING. It
// speaks the protocol on a bare connection: a client library would retry
// each refused dial for a while and hide how soon the server is up.
func redisAnswers(addr string, timeout time.Duration) bool {
	for deadline := time.Now().Add(timeout); time.Now().Before(deadline); time.Sleep(50 * time.Millisecond) {
		conn, err := net.DialTimeout("tcp", addr, 500*time.Millisecond)
		if err != nil {
			continue
		}
		_ = conn.SetDeadline(time.Now().Add(time.Second))
		reply := make([]byte, 7)
		_, werr := conn.Write([]byte("PING\r\n"))
		n, rerr := io.ReadFull(conn, reply)
		conn.Close()
		if werr == nil && rerr == nil && string(reply[:n]) == "+PONG\r\n" {
			return true
		}
	}
	return false
}

func waitForRedis(t testing.TB, addr string) {
	t.Helper()
	if !redisAnswers(addr, 10*time.Second) {
		t.Fatalf("redis at %s did not start", addr)
	}
}

// StartRedisSentinel starts a private Redis master and one Sentinel that
// monitors it, and returns the redis-sentinel:// URL.
func StartRedisSentinel(t testing.TB) string {
	t.Helper()
	master := StartRedis(t)
	masterPort := strings.TrimSuffix(strings.TrimPrefix(master.URL, "redis://127.0.0.1:"), "/0")
	server, _ := exec.LookPath("redis-server")
	port := FreePort(t)
	conf := filepath.Join(t.TempDir(), "sentinel.conf")
	config := fmt.Sprintf("port %d\nbind 127.0.0.1\nsentinel monitor mymaster 127.0.0.1 %s 1\n", port, masterPort)
	if err := os.WriteFile(conf, []byte(config), 0o600); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(server, conf, "--sentinel")
	if err := cmd.Start(); err != nil {
		t.Fatalf("start sentinel: %v", err)
	}
	t.Cleanup(func() { _ = cmd.Process.Kill(); _ = cmd.Wait() })
	addr := "127.0.0.1:" + strconv.Itoa(port)
	waitForRedis(t, addr)
	sentinel := redis.NewSentinelClient(&redis.Options{Addr: addr})
	defer sentinel.Close()
	for i := 0; i < 100; i++ {
		if got, err := sentinel.GetMasterAddrByName(context.Background(), "mymaster").Result(); err == nil && len(got) == 2 {
			return "redis-sentinel://" + addr + "?master=mymaster"
		}
		time.Sleep(50 * time.Millisecond)
	}
	t.Fatal("sentinel never learned its master")
	return ""
}
