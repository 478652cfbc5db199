package com.vendin.whatsapp.whatsapp.media;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketAddress;
import javax.net.SocketFactory;

/**
 * Sockets for fetching the media a tenant names by URL (CONTRACT §3.1) that refuse to connect to a link-local
 * address (IPv4 {@code 169.254.0.0/16}, where cloud metadata services such as {@code 169.254.169.254} answer, and
 * IPv6 {@code fe80::/10}) or to the wildcard address. The check is on the address actually connected to, so it holds
 * for IP literals, for names that resolve there (DNS rebinding included) and for every redirect hop. Loopback and
 * private ranges stay allowed: a tenant's files are often served next to its instance (the demo's are).
 */
final class NoLinkLocalSockets extends SocketFactory {

    /** Whether a fetch may connect to {@code address}. */
    static boolean allowed(InetAddress address) {
        return !address.isLinkLocalAddress() && !address.isAnyLocalAddress();
    }

    @Override
    public Socket createSocket() {
        return new Guarded();
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        return connected(new InetSocketAddress(host, port));
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
        Socket socket = new Guarded();
        socket.bind(new InetSocketAddress(localHost, localPort));
        socket.connect(new InetSocketAddress(host, port));
        return socket;
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
        return connected(new InetSocketAddress(host, port));
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
            throws IOException {
        Socket socket = new Guarded();
        socket.bind(new InetSocketAddress(localAddress, localPort));
        socket.connect(new InetSocketAddress(address, port));
        return socket;
    }

    private static Socket connected(SocketAddress address) throws IOException {
        Socket socket = new Guarded();
        socket.connect(address);
        return socket;
    }

    /** A plain socket whose connect checks the destination first. */
    private static final class Guarded extends Socket {
        @Override
        public void connect(SocketAddress endpoint, int timeout) throws IOException {
            if (endpoint instanceof InetSocketAddress inet
                    && inet.getAddress() != null
                    && !allowed(inet.getAddress())) {
                close();
                throw new RefusedAddress(inet.getAddress());
            }
            super.connect(endpoint, timeout);
        }
    }

    /** A connection the guard did not open. */
    static final class RefusedAddress extends IOException {
        RefusedAddress(InetAddress address) {
            super("refused to connect to the link-local or wildcard address " + address.getHostAddress()
                    + " (media URLs must be reachable public or private addresses)");
        }
    }
}
