#include <gio/gio.h>

#include "app/gui/file_portal.h"

#include <GLFW/glfw3.h>
#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <mutex>

namespace cc::gui {

namespace {
constexpr const char* kPortal = "org.freedesktop.portal.Desktop";
constexpr const char* kPortalPath = "/org/freedesktop/portal/desktop";
constexpr int kAnswerMs = 3000;  // a portal that is there answers its version at once
std::atomic<int> g_answersWaiting{0};
}  // namespace

struct PortalChooser::Shared {
    std::atomic<bool> cancel{false}, done{false};
    std::mutex mutex;
    State state = State::Asking;  // guarded by mutex
    std::vector<std::string> paths;
    bool responded = false;  // worker thread only
};

namespace {

GVariant* filters(const std::vector<FileType>& types) {
    GVariantBuilder list;
    g_variant_builder_init(&list, G_VARIANT_TYPE("a(sa(us))"));
    for (const auto& t : types) {
        GVariantBuilder patterns;
        g_variant_builder_init(&patterns, G_VARIANT_TYPE("a(us)"));
        if (t.extensions.empty()) g_variant_builder_add(&patterns, "(us)", 0u, "*");
        for (const auto& e : t.extensions) g_variant_builder_add(&patterns, "(us)", 0u, ("*" + e).c_str());
        g_variant_builder_add(&list, "(sa(us))", t.label.c_str(), &patterns);
    }
    return g_variant_builder_end(&list);
}

void finish(PortalChooser::Shared& s, PortalChooser::State state, std::vector<std::string> paths = {}) {
    {
        std::lock_guard<std::mutex> lock(s.mutex);
        s.state = state;
        s.paths = std::move(paths);
    }
    ++g_answersWaiting;
    s.done = true;
    glfwPostEmptyEvent();  // wake the window to take the answer
}

/// The portal's answer: (u response, a{sv} results) on the request object.
void onResponse(GDBusConnection*, const gchar*, const gchar*, const gchar*, const gchar*, GVariant* parameters, gpointer data) {
    auto& s = *static_cast<PortalChooser::Shared*>(data);
    s.responded = true;
    guint32 response = 2;
    GVariant* results = nullptr;
    g_variant_get(parameters, "(u@a{sv})", &response, &results);
    std::vector<std::string> paths;
    if (response == 0 && results) {
        const gchar** uris = nullptr;
        if (g_variant_lookup(results, "uris", "^a&s", &uris) && uris) {
            for (const gchar** u = uris; *u; ++u)
                if (gchar* p = g_filename_from_uri(*u, nullptr, nullptr)) {
                    paths.emplace_back(p);
                    g_free(p);
                }
            g_free(uris);
        }
    }
    if (results) g_variant_unref(results);
    // 1 is the person's Cancel; 2 (the portal could not ask) falls back to the built-in chooser.
    const auto state = response == 0 && !paths.empty()     ? PortalChooser::State::Chosen
                       : response == 1 || response == 0 ? PortalChooser::State::Cancelled
                                                        : PortalChooser::State::Unavailable;
    finish(s, state, std::move(paths));
}

void askOnThisThread(PortalChooser::Shared& s, const PortalQuestion& q) {
    GMainContext* context = g_main_context_new();
    g_main_context_push_thread_default(context);
    GError* error = nullptr;
    GDBusConnection* bus = nullptr;
    guint subscription = 0;
    std::string handle;
    gchar* address = g_dbus_address_get_for_bus_sync(G_BUS_TYPE_SESSION, nullptr, &error);
    if (address)
        bus = g_dbus_connection_new_for_address_sync(
            address, static_cast<GDBusConnectionFlags>(G_DBUS_CONNECTION_FLAGS_AUTHENTICATION_CLIENT | G_DBUS_CONNECTION_FLAGS_MESSAGE_BUS_CONNECTION),
            nullptr, nullptr, &error);
    g_free(address);
    GVariant* version = nullptr;
    if (bus)
        version = g_dbus_connection_call_sync(bus, kPortal, kPortalPath, "org.freedesktop.DBus.Properties", "Get",
                                              g_variant_new("(ss)", "org.freedesktop.portal.FileChooser", "version"),
                                              G_VARIANT_TYPE("(v)"), G_DBUS_CALL_FLAGS_NONE, kAnswerMs, nullptr, &error);
    if (!version) {
        finish(s, PortalChooser::State::Unavailable);
    } else {
        g_variant_unref(version);
        // The request object's path is known before the call, so the answer cannot be missed.
        std::string sender = g_dbus_connection_get_unique_name(bus) + 1;  // without the ':'
        for (char& c : sender)
            if (c == '.') c = '_';
        static std::atomic<unsigned> counter{0};
        const std::string token = "cc" + std::to_string(::getpid()) + "_" + std::to_string(++counter);
        handle = std::string(kPortalPath) + "/request/" + sender + "/" + token;
        subscription = g_dbus_connection_signal_subscribe(bus, kPortal, "org.freedesktop.portal.Request", "Response", handle.c_str(),
                                                          nullptr, G_DBUS_SIGNAL_FLAGS_NONE, onResponse, &s, nullptr);
        GVariantBuilder options;
        g_variant_builder_init(&options, G_VARIANT_TYPE_VARDICT);
        g_variant_builder_add(&options, "{sv}", "handle_token", g_variant_new_string(token.c_str()));
        g_variant_builder_add(&options, "{sv}", "modal", g_variant_new_boolean(TRUE));
        if (!q.types.empty()) g_variant_builder_add(&options, "{sv}", "filters", filters(q.types));
        if (!q.folder.empty()) g_variant_builder_add(&options, "{sv}", "current_folder", g_variant_new_bytestring(q.folder.c_str()));
        if (q.save && !q.fileName.empty()) g_variant_builder_add(&options, "{sv}", "current_name", g_variant_new_string(q.fileName.c_str()));
        GVariant* reply = g_dbus_connection_call_sync(bus, kPortal, kPortalPath, "org.freedesktop.portal.FileChooser", q.save ? "SaveFile" : "OpenFile",
                                                      g_variant_new("(ssa{sv})", "", q.title.c_str(), &options), G_VARIANT_TYPE("(o)"),
                                                      G_DBUS_CALL_FLAGS_NONE, kAnswerMs, nullptr, &error);
        if (!reply) {
            finish(s, PortalChooser::State::Unavailable);
        } else {
            g_variant_unref(reply);
            // Wake now and then to see whether the window withdrew the question.
            GSource* tick = g_timeout_source_new(100);
            g_source_set_callback(tick, [](gpointer) -> gboolean { return G_SOURCE_CONTINUE; }, nullptr, nullptr);
            g_source_attach(tick, context);
            while (!s.responded && !s.cancel) g_main_context_iteration(context, TRUE);
            g_source_destroy(tick);
            g_source_unref(tick);
            if (!s.responded) {
                if (GVariant* r = g_dbus_connection_call_sync(bus, kPortal, handle.c_str(), "org.freedesktop.portal.Request", "Close", nullptr,
                                                              nullptr, G_DBUS_CALL_FLAGS_NONE, kAnswerMs, nullptr, nullptr))
                    g_variant_unref(r);
                finish(s, PortalChooser::State::Cancelled);
            }
        }
        g_dbus_connection_signal_unsubscribe(bus, subscription);
    }
    if (error) g_error_free(error);
    if (bus) {
        g_dbus_connection_close_sync(bus, nullptr, nullptr);
        g_object_unref(bus);
    }
    g_main_context_pop_thread_default(context);
    g_main_context_unref(context);
}

}  // namespace

bool PortalChooser::mayBeAvailable() {
    if (const char* c = std::getenv("CC_FILE_CHOOSER"); c && std::string(c) == "builtin") return false;
    // Without a known bus GIO would try to start one (dbus-launch): no bus, no portal.
    if (const char* a = std::getenv("DBUS_SESSION_BUS_ADDRESS"); a && *a) return true;
    const char* runtime = std::getenv("XDG_RUNTIME_DIR");
    std::error_code ec;
    return runtime && *runtime && std::filesystem::is_socket(std::string(runtime) + "/bus", ec);
}

PortalChooser::~PortalChooser() {
    cancel();
    join();
    if (m_shared && m_shared->done) --g_answersWaiting;  // an answer nobody will take
}

void PortalChooser::join() {
    if (m_worker.joinable()) m_worker.join();
}

void PortalChooser::ask(const PortalQuestion& question) {
    cancel();
    join();
    if (m_shared && m_shared->done) --g_answersWaiting;  // the last answer, never taken
    m_shared = std::make_shared<Shared>();
    if (!mayBeAvailable()) {
        m_shared->state = State::Unavailable;
        ++g_answersWaiting;
        m_shared->done = true;
        return;
    }
    m_worker = std::thread([s = m_shared, question] { askOnThisThread(*s, question); });
}

PortalChooser::State PortalChooser::poll(std::vector<std::string>& paths) {
    if (!m_shared) return State::Idle;
    if (!m_shared->done) return State::Asking;
    join();
    State state;
    {
        std::lock_guard<std::mutex> lock(m_shared->mutex);
        state = m_shared->state;
        paths = std::move(m_shared->paths);
    }
    --g_answersWaiting;
    m_shared.reset();
    return state;
}

bool PortalChooser::anyAnswerWaiting() { return g_answersWaiting.load() > 0; }

void PortalChooser::cancel() {
    if (m_shared) m_shared->cancel = true;
}

}  // namespace cc::gui
