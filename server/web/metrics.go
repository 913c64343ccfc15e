package web

import (
	"net/http"
	"strconv"

	"github.com/prometheus/client_golang/prometheus"
)

type metrics struct {
	requests *prometheus.CounterVec
	duration *prometheus.HistogramVec
	// keptPages counts public pages answered from memory (hit) or made
	// (miss), see kept.go.
	keptPages *prometheus.CounterVec
}

func newMetrics(reg *prometheus.Registry, liveConnections func() int) (*metrics, error) {
	m := &metrics{
		requests: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "zukunftswerk_http_requests_total",
			Help: "HTTP requests by method, route pattern and status.",
		}, []string{"method", "route", "status"}),
		duration: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name:    "zukunftswerk_http_request_duration_seconds",
			Help:    "HTTP request latency by method and route pattern.",
			Buckets: []float64{.001, .0025, .005, .01, .025, .05, .1, .25, .5, 1, 2.5, 5},
		}, []string{"method", "route"}),
		keptPages: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "zukunftswerk_kept_pages_total",
			Help: "Public pages answered from a kept rendering (hit) or made afresh (miss).",
		}, []string{"outcome"}),
	}
	connections := prometheus.NewGaugeFunc(prometheus.GaugeOpts{
		Name: "zukunftswerk_live_connections",
		Help: "Open Server-Sent-Events connections of live workshops on this instance.",
	}, func() float64 { return float64(liveConnections()) })
	for _, c := range []prometheus.Collector{m.requests, m.duration, m.keptPages, connections} {
		if err := reg.Register(c); err != nil {
			return nil, err
		}
	}
	return m, nil
}

// metricMethod keeps the method label to a closed set: a client may send
// any token as its method, and every new label value would be a new series
// kept for the life of the process.
func metricMethod(method string) string {
	switch method {
	case http.MethodGet, http.MethodHead, http.MethodPost, http.MethodPut, http.MethodPatch,
		http.MethodDelete, http.MethodOptions:
		return method
	}
	return "other"
}

// metricStatus keeps the status label to a closed set: the statuses this
// server answers with, and the class ("4xx") for anything else.
func metricStatus(status int) string {
	switch status {
	case 200, 201, 204, 301, 303, 304, 307, 308, 400, 401, 403, 404, 405, 409, 413, 422, 429, 431, 500, 503:
		return strconv.Itoa(status)
	}
	if status < 100 || status > 599 {
		return "other"
	}
	return strconv.Itoa(status/100) + "xx"
}
