#pragma once

#include <span>

namespace fenestra::viewer {

// A CT window preset; `name` is marked with QT_TRANSLATE_NOOP("fenestra::viewer::WindowPreset",
// ...): show it through QCoreApplication::translate with that context.
struct WindowPreset
{
    const char* name;
    double center;
    double width;
};

// Keys 1..9 in this order: brain 40/80, subdural 75/215, stroke 40/40, lung -600/1500,
// mediastinum 50/350, abdomen 60/400, liver 90/150, bone 480/2500, angio 300/600.
//
// Thread contract: a constant table; reentrant.
std::span<const WindowPreset> ctWindowPresets();

} // namespace fenestra::viewer
