#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for tests and benchmarks: a fresh data folder, a free loopback port, trust auth for
# the `postgres` superuser on loopback only, no fsync (nothing in it outlives the run).
#
#   scripts/pg-throwaway.sh start DIR     create DIR, initdb, start; prints the cluster's URL on stdout
#   scripts/pg-throwaway.sh stop DIR      stop the server and delete DIR
#   scripts/pg-throwaway.sh restart DIR   stop and start again on the same port (for fault tests)
#   scripts/pg-throwaway.sh halt DIR      stop the server, keep DIR (start it again with `resume`)
#   scripts/pg-throwaway.sh resume DIR    start a halted cluster on its port
#
# initdb refuses to run as root, so as root the server runs as Debian's `postgres` user (created by the package).
# Needs Debian's postgresql package (PostgreSQL 15): .ci/run installs it when missing.
set -euo pipefail

command=${1:-}
dir=${2:-}
if [ -z "$command" ] || [ -z "$dir" ]; then
	echo "usage: $0 start|stop|restart|halt|resume DIR" >&2
	exit 2
fi

bindir=""
if command -v pg_config >/dev/null && [ -x "$(pg_config --bindir)/initdb" ]; then
	bindir=$(pg_config --bindir)
else
	for candidate in /usr/lib/postgresql/*/bin; do
		[ -x "$candidate/initdb" ] && bindir=$candidate
	done
fi
if [ -z "$bindir" ]; then
	echo "PostgreSQL's server programs (initdb, pg_ctl) were not found; install Debian's postgresql package" >&2
	exit 3
fi

as_owner() {
	if [ "$(id -u)" -eq 0 ]; then
		runuser -u postgres -- "$@"
	else
		"$@"
	fi
}

data="$dir/data"
log="$dir/server.log"

start_server() {
	local port
	port=$(cat "$dir/port")
	as_owner "$bindir/pg_ctl" -D "$data" -l "$log" -w -t 60 \
		-o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
		start >/dev/null || {
		echo "PostgreSQL did not start; the end of its log ($log):" >&2
		tail -n 20 "$log" >&2 || true
		return 1
	}
}

case "$command" in
start)
	mkdir -p "$dir"
	chmod 755 "$dir"
	[ "$(id -u)" -eq 0 ] && chown postgres "$dir"
	as_owner "$bindir/initdb" -D "$data" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 >/dev/null
	node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{process.stdout.write(String(s.address().port));s.close()})' >"$dir/port"
	start_server
	echo "postgres://postgres@127.0.0.1:$(cat "$dir/port")/postgres"
	;;
resume)
	start_server
	;;
halt)
	as_owner "$bindir/pg_ctl" -D "$data" -w -t 60 -m fast stop >/dev/null
	;;
restart)
	as_owner "$bindir/pg_ctl" -D "$data" -w -t 60 -m fast stop >/dev/null
	start_server
	;;
stop)
	if [ -d "$data" ]; then
		as_owner "$bindir/pg_ctl" -D "$data" -w -t 60 -m fast stop >/dev/null 2>&1 || true
	fi
	rm -rf "$dir"
	;;
*)
	echo "unknown command $command; use start, stop, restart, halt or resume" >&2
	exit 2
	;;
esac
