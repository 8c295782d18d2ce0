package dev.realtime.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import com.sun.net.httpserver.HttpServer;

import dev.realtime.stack.LocalStack;
import dev.realtime.stack.Service;

/**
 * A frontend as users run it: a page in headless Chromium, served from its own origin, calls the services with
 * {@code fetch}. From the origin the stack allows, login, {@code /auth/me}, a booking and the notification list
 * succeed; from an origin it does not allow (the same page on {@code 127.0.0.1}), the browser blocks every call.
 */
@ExtendWith(LocalStackExtension.class)
class BrowserIT {

    /** Runs the frontend's calls in the page; the last argument is the callback of an async script. */
    private static final String FRONTEND_CALLS = """
            const [auth, booking, notification, username, password, tourId, done] = arguments;
            const result = {};
            const call = async (name, url, init) => {
              try {
                const response = await fetch(url, init);
                result[name] = response.status;
                return response.ok ? await response.json() : null;
              } catch (e) {
                result[name] = 'blocked';
                return null;
              }
            };
            (async () => {
              const json = {'Content-Type': 'application/json'};
              const login = await call('login', auth + '/auth/login', {method: 'POST', headers: json,
                  credentials: 'include', body: JSON.stringify({username, password})});
              const bearer = {'Authorization': 'Bearer ' + (login ? login.accessToken : 'none')};
              const me = await call('me', auth + '/auth/me', {headers: bearer});
              result.username = me ? me.username : null;
              await call('booking', booking + '/bookings', {method: 'POST', headers: {...json, ...bearer},
                  body: JSON.stringify({tourId, guests: 2})});
              await call('notifications', notification + '/notifications', {headers: bearer});
              done(result);
            })();
            """;

    @Test
    void aPageOnAnAllowedOriginCallsEveryServiceAndAnotherOriginIsBlocked(LocalStack stack) throws Exception {
        Suite suite = new Suite(stack);
        Suite.User user = suite.register("browser");
        String username = user.username();
        String tourId = suite.createTour("browser-tour");
        List<Object> arguments = List.of(stack.baseUri(Service.AUTH).toString(),
                stack.baseUri(Service.BOOKING).toString(), stack.baseUri(Service.NOTIFICATION).toString(), username,
                "pw-" + username, tourId);
        int frontendPort = Integer.getInteger(LocalStackExtension.FRONTEND_PORT);
        try (PageServer page = PageServer.on(frontendPort); Chrome chrome = Chrome.headless()) {
            Map<?, ?> allowed = chrome.runOn("http://localhost:" + page.port() + "/", arguments);
            assertEquals(200L, allowed.get("login"), "login from an allowed origin: " + allowed);
            assertEquals(200L, allowed.get("me"), allowed.toString());
            assertEquals(username, allowed.get("username"), allowed.toString());
            assertEquals(201L, allowed.get("booking"), allowed.toString());
            assertEquals(200L, allowed.get("notifications"), allowed.toString());

            Map<?, ?> foreign = chrome.runOn("http://127.0.0.1:" + page.port() + "/", arguments);
            for (String call : List.of("login", "me", "booking", "notifications")) {
                assertEquals("blocked", foreign.get(call), call + " from a foreign origin: " + foreign);
            }
        }
    }

    /** Serves one empty page, so that the browser has an origin to call from. */
    record PageServer(HttpServer server) implements AutoCloseable {

        static PageServer on(int port) {
            try {
                HttpServer server = HttpServer.create(new InetSocketAddress("0.0.0.0", port), 0);
                byte[] page = "<!doctype html><title>frontend</title><p>frontend</p>".getBytes(StandardCharsets.UTF_8);
                server.createContext("/", exchange -> {
                    exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
                    exchange.sendResponseHeaders(200, page.length);
                    exchange.getResponseBody().write(page);
                    exchange.close();
                });
                server.start();
                return new PageServer(server);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot serve the test page on port " + port, e);
            }
        }

        int port() {
            return server.getAddress().getPort();
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }

    /** Debian's Chromium through its chromedriver, headless, with a fresh profile; nothing is downloaded. */
    record Chrome(ChromeDriver driver) implements AutoCloseable {

        static Chrome headless() {
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(new File(System.getProperty("rt.e2e.chromedriver", "/usr/bin/chromedriver")))
                    .usingAnyFreePort()
                    .build();
            ChromeOptions options = new ChromeOptions()
                    .setBinary(System.getProperty("rt.e2e.chromium", "/usr/bin/chromium"))
                    .addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                            "--disable-quic", "--no-first-run", "--disable-background-networking",
                            "--disable-component-update", "--disable-sync");
            ChromeDriver driver = new ChromeDriver(service, options);
            driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
            return new Chrome(driver);
        }

        Map<?, ?> runOn(String pageUrl, List<Object> arguments) {
            driver.get(pageUrl);
            Object result = ((JavascriptExecutor) driver).executeAsyncScript(FRONTEND_CALLS, arguments.toArray());
            return (Map<?, ?>) result;
        }

        @Override
        public void close() {
            driver.quit();
        }
    }
}
