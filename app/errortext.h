#pragma once

#include "core/errors.h"

#include <QString>

namespace fenestra::app {

// The user's words for an imaging error: a translated sentence for its code, then the
// library's detail (file names, offsets), which is not translated.
QString describeError(const viewer::Error& error);

} // namespace fenestra::app
