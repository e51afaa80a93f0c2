#ifndef MENTORD_CONCURRENCY_HOOK_H
#define MENTORD_CONCURRENCY_HOOK_H

// The Swift runtime's hook for enqueueing a job on the global executor (swift/Runtime/Concurrency.h
// declares it with its function-pointer type; its value is all that matters here). Declared to
// the linker by name rather than looked up with dlsym: in a binary built with
// --static-swift-stdlib the runtime is linked in with hidden visibility, so dlsym finds nothing,
// while the static link itself resolves this reference like any other.
extern void *swift_task_enqueueGlobal_hook;

/// Where the hook is kept: read and written only from the main thread before the first task runs.
static inline void **mentord_enqueue_global_hook_slot(void) {
    return &swift_task_enqueueGlobal_hook;
}

#endif
