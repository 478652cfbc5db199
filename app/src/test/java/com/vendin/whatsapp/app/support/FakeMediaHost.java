package com.vendin.whatsapp.app.support;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okio.Buffer;

/** A web server a tenant's reply points media URLs at: serves the files it was given, 404 for anything else. */
public final class FakeMediaHost implements AutoCloseable {
    private final MockWebServer server = new MockWebServer();
    private final Map<String, File> files = new ConcurrentHashMap<>();
    private final List<String> fetches = new CopyOnWriteArrayList<>();

    private record File(String contentType, byte[] bytes) {}

    public FakeMediaHost start() throws IOException {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                String path = request.getUrl().encodedPath();
                fetches.add(path);
                File file = files.get(path);
                if (file == null) {
                    return new MockResponse.Builder()
                            .code(404)
                            .body("not found")
                            .build();
                }
                return new MockResponse.Builder()
                        .code(200)
                        .setHeader("Content-Type", file.contentType())
                        .body(new Buffer().write(file.bytes()))
                        .build();
            }
        });
        server.start();
        return this;
    }

    /** Serves {@code bytes} at {@code path} with this Content-Type; returns the file's URL. */
    public String serve(String path, String contentType, byte[] bytes) {
        files.put(path, new File(contentType, bytes));
        return url(path);
    }

    public String url(String path) {
        return server.url(path).toString();
    }

    /** The paths fetched, in order. */
    public List<String> fetches() {
        return List.copyOf(fetches);
    }

    @Override
    public void close() {
        server.close();
    }
}
