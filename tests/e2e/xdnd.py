"""Drag and drop from outside, as a file manager does it: the XDND protocol (version 5) spoken by
a small source window made here, offering text/uri-list. Uses python3-xlib from Debian."""

import os
import select
import sys
import time
import urllib.parse

try:
    from Xlib import X, Xatom, display as xdisplay, protocol
except ImportError:  # Debian's package, when the tests run under another Python
    sys.path.append("/usr/lib/python3/dist-packages")
    from Xlib import X, Xatom, display as xdisplay, protocol

from harness import Failure


def drop_files(display_name, target_id, x, y, paths, timeout=10.0):
    """Drags `paths` onto window `target_id` at root position (x, y) and drops them there.
    Returns when the target says it has finished with the drop."""
    d = xdisplay.Display(display_name)
    try:
        atom = d.intern_atom
        enter, position, status, drop, finished = (atom(n) for n in
                                                   ("XdndEnter", "XdndPosition", "XdndStatus", "XdndDrop", "XdndFinished"))
        selection, copy, uri_list = atom("XdndSelection"), atom("XdndActionCopy"), atom("text/uri-list")
        root = d.screen().root
        target = d.create_resource_object("window", int(target_id))
        aware = target.get_full_property(atom("XdndAware"), Xatom.ATOM)
        if not aware:
            raise Failure(f"window {target_id} does not accept drops (no XdndAware)")
        source = root.create_window(0, 0, 1, 1, 0, X.CopyFromParent)
        source.set_selection_owner(selection, X.CurrentTime)
        payload = "".join("file://" + urllib.parse.quote(os.path.abspath(p)) + "\r\n" for p in paths).encode()

        def send(kind, data):
            ev = protocol.event.ClientMessage(window=target, client_type=kind, data=(32, data + [0] * (5 - len(data))))
            target.send_event(ev, event_mask=0)
            d.flush()

        def wait(kind):
            deadline = time.monotonic() + timeout
            while time.monotonic() < deadline:
                if not d.pending_events():
                    select.select([d.fileno()], [], [], 0.05)
                    continue
                e = d.next_event()
                if e.type == X.SelectionRequest:  # the target asks for the dropped data
                    prop = e.property or e.target
                    e.requestor.change_property(prop, e.target, 8, payload)
                    e.requestor.send_event(protocol.event.SelectionNotify(
                        time=e.time, requestor=e.requestor, selection=e.selection, target=e.target, property=prop))
                    d.flush()
                elif e.type == X.ClientMessage and e.client_type == kind:
                    return e.data[1]
            raise Failure(f"no {d.get_atom_name(kind)} from the window within {timeout} s")

        send(enter, [source.id, 5 << 24, uri_list])
        send(position, [source.id, 0, (x << 16) | y, X.CurrentTime, copy])
        accepted = wait(status)
        if not accepted[1] & 1:
            raise Failure("the window refused the drop")
        send(drop, [source.id, 0, X.CurrentTime])
        wait(finished)
        source.destroy()
        d.flush()
    finally:
        d.close()
