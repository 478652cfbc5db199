package com.vendin.whatsapp.bench;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * One keep-alive HTTP/1.1 connection that writes a prepared request and reads the status of its answer
 * (body skipped; Content-Length or chunked). A load generator without hidden queues: every request is
 * on the wire when {@link #exchange} is called, so measured latency is the server's and the loopback's.
 */
final class RawHttpConnection implements AutoCloseable {
    private final InetSocketAddress address;
    private Socket socket;
    private OutputStream out;
    private InputStream in;
    private boolean closeAfter;

    RawHttpConnection(String host, int port) {
        this.address = new InetSocketAddress(host, port);
    }

    /** Sends {@code request} (reconnecting first when needed) and returns the response status. */
    int exchange(byte[] request) throws IOException {
        if (socket == null) {
            connect();
        }
        try {
            out.write(request);
            out.flush();
            return readResponse();
        } catch (IOException e) {
            close();
            throw e;
        } finally {
            if (closeAfter) {
                close();
            }
        }
    }

    void connect() throws IOException {
        Socket s = new Socket();
        s.setTcpNoDelay(true);
        s.connect(address, 5_000);
        s.setSoTimeout(60_000);
        socket = s;
        out = s.getOutputStream();
        in = new BufferedInputStream(s.getInputStream(), 16 * 1024);
        closeAfter = false;
    }

    private int readResponse() throws IOException {
        String statusLine = readLine();
        if (!statusLine.startsWith("HTTP/1.")) {
            throw new IOException("not an HTTP response: " + statusLine);
        }
        int status = Integer.parseInt(statusLine.substring(9, 12));
        long length = -1;
        boolean chunked = false;
        for (String line = readLine(); !line.isEmpty(); line = readLine()) {
            int colon = line.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String name = line.substring(0, colon).trim();
            String value = line.substring(colon + 1).trim();
            if (name.equalsIgnoreCase("Content-Length")) {
                length = Long.parseLong(value);
            } else if (name.equalsIgnoreCase("Transfer-Encoding") && value.equalsIgnoreCase("chunked")) {
                chunked = true;
            } else if (name.equalsIgnoreCase("Connection") && value.equalsIgnoreCase("close")) {
                closeAfter = true;
            }
        }
        if (chunked) {
            for (long size = Long.parseLong(readLine().split(";")[0].trim(), 16);
                    size > 0;
                    size = Long.parseLong(readLine().split(";")[0].trim(), 16)) {
                skip(size);
                readLine();
            }
            while (!readLine().isEmpty()) {
                // trailers
            }
        } else if (length > 0) {
            skip(length);
        } else if (length < 0 && status != 204 && status != 304) {
            closeAfter = true;
        }
        return status;
    }

    private void skip(long bytes) throws IOException {
        long left = bytes;
        while (left > 0) {
            long skipped = in.skip(left);
            if (skipped <= 0) {
                if (in.read() < 0) {
                    throw new EOFException("connection closed in a response body");
                }
                skipped = 1;
            }
            left -= skipped;
        }
    }

    private String readLine() throws IOException {
        StringBuilder line = new StringBuilder(64);
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c < 0) {
                throw new EOFException("connection closed");
            }
            if (c != '\r') {
                line.append((char) c);
            }
        }
        return line.toString();
    }

    /** A GET of {@code path} on a fresh connection: its status, or -1 when nothing answers. */
    static int get(String host, int port, String path) {
        try (RawHttpConnection connection = new RawHttpConnection(host, port)) {
            connection.connect();
            connection.socket.setSoTimeout(2_000);
            return connection.exchange(
                    ("GET " + path + " HTTP/1.1\r\nHost: " + host + ":" + port + "\r\nConnection: close\r\n\r\n")
                            .getBytes(StandardCharsets.US_ASCII));
        } catch (IOException e) {
            return -1;
        }
    }

    @Override
    public void close() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing anyway
            }
            socket = null;
        }
    }
}
