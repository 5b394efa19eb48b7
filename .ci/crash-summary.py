"""Prints the crashing thread of each .NET crash report (DOTNET_EnableCrashReport) given on the command line."""
import json
import sys

for path in sys.argv[1:]:
    try:
        with open(path, encoding="utf-8") as f:
            payload = json.load(f)["payload"]
    except (OSError, ValueError, KeyError) as error:
        print(f"crash report {path}: unreadable ({error})")
        continue
    print(f"== crash report: {payload.get('process_name', '?')} ({path})")
    for thread in payload.get("threads", []):
        if thread.get("crashed") != "true":
            continue
        exception = thread.get("managed_exception_type")
        print(f"   crashed thread {thread.get('native_thread_id')}" + (f", managed exception {exception}" if exception else ""))
        for frame in thread.get("stack_frames", [])[:40]:
            if frame.get("is_managed") == "true":
                name = frame.get("method_name") or "?"
                print(f"     {frame.get('filename', '?')}!{name}")
            else:
                module = frame.get("native_module", "?")
                print(f"     {module}!{frame.get('unmanaged_name', frame.get('native_image_offset', '?'))}")
