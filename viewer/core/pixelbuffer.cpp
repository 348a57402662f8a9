#include "pixelbuffer.h"

#include <cassert>

namespace fenestra::viewer {

PixelBuffer::PixelBuffer(const PixelFormat& format, int frameCount)
    : m_format(format), m_frameCount(frameCount),
      m_data(std::make_shared_for_overwrite<std::byte[]>(format.frameBytes() *
                                                         static_cast<std::size_t>(frameCount)))
{}

PixelBuffer PixelBuffer::wrap(const PixelFormat& format, int frameCount,
                              std::shared_ptr<std::byte[]> data)
{
    PixelBuffer buffer;
    buffer.m_format = format;
    buffer.m_frameCount = data != nullptr ? frameCount : 0;
    buffer.m_data = std::move(data);
    return buffer;
}

std::span<std::byte> PixelBuffer::frame(int index)
{
    assert(index >= 0 && index < m_frameCount);
    const std::size_t size = m_format.frameBytes();
    return {m_data.get() + size * static_cast<std::size_t>(index), size};
}

std::span<const std::byte> PixelBuffer::frame(int index) const
{
    assert(index >= 0 && index < m_frameCount);
    const std::size_t size = m_format.frameBytes();
    return {m_data.get() + size * static_cast<std::size_t>(index), size};
}

} // namespace fenestra::viewer
