"""io_downloads.py: what the CPython side's I/O scripts share, as benches/io/ is for the C side:
the suite's own loopback server (idiom_serve: the same libmicrohttpd server, 200 KB payload and
latency the C comparisons download from), and downloads from it made five ways. Each download is
`urllib.request.urlretrieve` into a file, as the articles' were, except the event loop's, which
speaks HTTP over asyncio's streams (the standard library has no asyncio HTTP client). Every
iteration checks each download's length; the checked call compares every byte with the payload."""
import asyncio
import multiprocessing
import os
import pathlib
import subprocess
import tempfile
import threading
import urllib.error
import urllib.request

# A download that hangs this long has failed: the server answers within its latency.
TIMEOUT_SECONDS = 30


class LocalServer:
    """idiom_serve running for the duration of a with block: url, payload (bytes), latency_ms."""

    def __init__(self, side):
        if not side.tools or not os.access(os.path.join(side.tools, "idiom_serve"), os.X_OK):
            side.fail(f"no idiom_serve in {side.tools}: pass --tools with the build's bin folder")
        self.folder = tempfile.TemporaryDirectory(prefix="idiom_downloads.")
        payload_path = os.path.join(self.folder.name, "payload")
        command = [os.path.join(side.tools, "idiom_serve"), "--seed", str(side.seed), "--payload", payload_path]
        if side.scale != "full":
            command.append("--quick")
        self.process = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
        url, size, latency = self.process.stdout.readline().split()
        self.url, self.latency_ms = url, int(latency)
        with open(payload_path, "rb") as f:
            self.payload = f.read()
        if len(self.payload) != int(size):
            side.fail("idiom_serve wrote a payload of the wrong size")
        self.slots = 0

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.process.stdin.close()  # idiom_serve stops when its input closes
        self.process.wait(timeout=TIMEOUT_SECONDS)
        self.folder.cleanup()

    def paths(self, n):
        """n fresh file names for one iteration's downloads."""
        self.slots += 1
        return [os.path.join(self.folder.name, f"image{self.slots}_{i + 1}.jpg") for i in range(n)]


def download_image(url, save_as):
    """A failed download is not raised (a thread's or a child's exception would be lost): it shows
    as a file of the wrong size, or none, which the iteration's check fails on."""
    try:
        urllib.request.urlretrieve(url, save_as)
    except (OSError, urllib.error.URLError):
        pass


def sizes(paths):
    """What one iteration returns: each download's size, its file then removed."""
    result = []
    for path in paths:
        result.append(os.path.getsize(path) if os.path.exists(path) else -1)
        if os.path.exists(path):
            os.remove(path)
    return result


def sequential(server, n):
    paths = server.paths(n)
    for path in paths:
        download_image(server.url, path)
    return sizes(paths)


def one_each(kind, server, n):
    """A kind (threading.Thread or multiprocessing.Process) per download, all started, then all
    joined. A child's failed download shows as a missing or short file."""
    paths = server.paths(n)
    workers = [kind(target=download_image, args=(server.url, path)) for path in paths]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    return sizes(paths)


def thread_per_download(server, n):
    return one_each(threading.Thread, server, n)


def process_per_download(server, n):
    return one_each(multiprocessing.Process, server, n)


async def fetch(url):
    """One GET over asyncio's streams: the body's length, or -1 unless the status is 200."""
    host, _, rest = url.partition("//")[2].partition(":")
    port, _, path = rest.partition("/")
    reader, writer = await asyncio.open_connection(host, int(port))
    writer.write(f"GET /{path} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n".encode())
    response = await reader.read()
    writer.close()
    head, _, body = response.partition(b"\r\n\r\n")
    return len(body) if head.split(b" ", 2)[1:2] == [b"200"] else -1


def event_loop(server, n):
    async def all_of_them():
        return await asyncio.wait_for(asyncio.gather(*(fetch(server.url) for _ in range(n))), TIMEOUT_SECONDS)
    return asyncio.run(all_of_them())


WAYS = {"sequential": sequential, "thread_per_download": thread_per_download,
        "process_per_download": process_per_download, "event_loop": event_loop}


def measure_downloads(side, points):
    """Time the ways named in points ({downloads: [way, ...]}) at each number of downloads, each
    checked first: one download's bytes against the payload, then every size in every call."""
    with LocalServer(side) as server:
        probe = server.paths(1)[0]
        download_image(server.url, probe)
        if not os.path.exists(probe) or pathlib.Path(probe).read_bytes() != server.payload:
            side.fail("a download's bytes differ from the payload")
        expected = len(server.payload)
        for n, ways in points.items():
            def checked(way):
                result = WAYS[way](server, n)
                if result != [expected] * n:
                    side.fail(f"{way}: {n} downloads came back as {result}, not {n} of {expected} bytes")
                return result
            side.time(n, n, {way: (lambda way=way: checked(way)) for way in ways},
                      point=f"{n} downloads of {expected:,} bytes, each held {server.latency_ms} ms by the server")
            side.progress(f"{n} downloads")
