#pragma once

#include "pixelformat.h"

#include <cstddef>
#include <memory>
#include <span>

namespace fenestra::viewer {

// Decoded frames of one object, contiguous, in the layout PixelFormat describes. Allocated
// once and never zero-filled: decoders overwrite every byte.
//
// Thread contract: a value type; distinct objects may be used from distinct threads.
class PixelBuffer
{
public:
    PixelBuffer() = default;
    PixelBuffer(const PixelFormat& format, int frameCount);

    // A buffer over memory owned elsewhere, without a copy: `data` holds at least
    // frameCount * format.frameBytes() bytes and keeps their owner alive (an aliasing
    // shared_ptr, e.g. a slice of a Volume: shared_ptr<std::byte[]>(volume, slicePointer)).
    static PixelBuffer wrap(const PixelFormat& format, int frameCount,
                            std::shared_ptr<std::byte[]> data);

    const PixelFormat& format() const { return m_format; }
    int frameCount() const { return m_frameCount; }
    bool isEmpty() const { return m_frameCount == 0; }

    std::span<std::byte> bytes() { return {m_data.get(), byteCount()}; }
    std::span<const std::byte> bytes() const { return {m_data.get(), byteCount()}; }
    std::span<std::byte> frame(int index);
    std::span<const std::byte> frame(int index) const;

    // Overrides the photometric interpretation after a colour conversion done in place.
    void setPhotometric(Photometric photometric) { m_format.photometric = photometric; }

private:
    std::size_t byteCount() const
    {
        return m_format.frameBytes() * static_cast<std::size_t>(m_frameCount);
    }

    PixelFormat m_format;
    int m_frameCount = 0;
    std::shared_ptr<std::byte[]> m_data;
};

} // namespace fenestra::viewer
