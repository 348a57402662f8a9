#include "volume.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>

namespace fenestra::viewer {

namespace {

Result<ScalarType> scalarTypeFor(const PixelFormat& f)
{
    if (f.samplesPerPixel != 1)
        return fail(ErrorCode::UnsupportedPixelFormat, QStringLiteral("colour data has no volume"));
    if (f.bitsAllocated == 8)
        return f.isSigned ? ScalarType::Int8 : ScalarType::UInt8;
    if (f.bitsAllocated == 16)
        return f.isSigned ? ScalarType::Int16 : ScalarType::UInt16;
    return fail(ErrorCode::UnsupportedPixelFormat,
                QStringLiteral("%1-bit data has no volume").arg(f.bitsAllocated));
}

// Fills a buffer with the lowest value of the type, so what has not arrived reads as "nothing".
void fillLowest(std::span<std::byte> bytes, ScalarType type)
{
    switch (type) {
    case ScalarType::UInt8:
    case ScalarType::UInt16:
        std::memset(bytes.data(), 0, bytes.size());
        break;
    case ScalarType::Int8:
        std::memset(bytes.data(), 0x80, bytes.size());
        break;
    case ScalarType::Int16: {
        // A short run written voxel by voxel, then doubled by memcpy: memset speed.
        const qint16 lowest = std::numeric_limits<qint16>::min();
        const std::size_t run = std::min<std::size_t>(bytes.size() & ~std::size_t{1}, 4096);
        for (std::size_t i = 0; i < run; i += 2)
            std::memcpy(bytes.data() + i, &lowest, 2);
        for (std::size_t done = run; done < bytes.size() && run > 0;) {
            const std::size_t n = std::min(done, bytes.size() - done) & ~std::size_t{1};
            if (n == 0)
                break;
            std::memcpy(bytes.data() + done, bytes.data(), n);
            done += n;
        }
        break;
    }
    }
}

// The in-plane drift of the slices per slice step, fitted by least squares over every frame: zero
// for an ordinary stack, the shear of a gantry-tilted one (its positions advance along the
// table, obliquely to the image plane). Below kShearMm per step (float noise in the positions)
// the stack counts as orthogonal, so its geometry stays exactly the display set's.
constexpr double kShearMm = 1e-4;

Vec3 inPlaneDriftPerSlice(const DisplaySet& ds, const std::vector<int>& sliceOfFrame)
{
    const Vec3 first = ds.frames.front().info().plane.position;
    Vec3 weighted;
    double squares = 0.0;
    for (std::size_t f = 0; f < ds.frames.size(); ++f) {
        const Vec3 d = ds.frames[f].info().plane.position - first;
        const double k = sliceOfFrame[f];
        weighted = weighted + (d - ds.normal * d.dot(ds.normal)) * k;
        squares += k * k;
    }
    const Vec3 drift = squares > 0.0 ? weighted * (1.0 / squares) : Vec3{};
    return drift.length() < kShearMm ? Vec3{} : drift;
}

} // namespace

Result<std::shared_ptr<Volume>> Volume::create(const DisplaySet& ds)
{
    if (!ds.isVolume())
        return fail(ErrorCode::GeometryMismatch, QStringLiteral("display set is not a volume"));
    auto type = scalarTypeFor(ds.format);
    if (!type)
        return std::unexpected(type.error());

    std::shared_ptr<Volume> v(new Volume());
    const ImagePlane& first = ds.frames.front().info().plane;
    v->m_type = *type;
    v->m_rescale = ds.frames.front().info().rescale;
    v->m_origin = first.position;
    v->m_rowDirection = first.rowDirection;
    v->m_columnDirection = first.columnDirection;
    v->m_sliceDirection = ds.normal;
    v->m_spacing[0] = first.columnSpacing;
    v->m_spacing[1] = first.rowSpacing;
    v->m_spacing[2] = ds.sliceSpacing;
    v->m_dims[0] = ds.format.columns;
    v->m_dims[1] = ds.format.rows;

    const double origin = first.position.dot(ds.normal);
    int maxSlice = 0;
    for (const FrameRef& frame : ds.frames) {
        const double along = frame.info().plane.position.dot(ds.normal) - origin;
        const int k = static_cast<int>(std::lround(along / ds.sliceSpacing));
        v->m_sliceOfFrame.push_back(k);
        maxSlice = std::max(maxSlice, k);
    }
    v->m_dims[2] = maxSlice + 1;
    // The slice axis is the true step between slices: along the normal by the display set's
    // spacing, plus the in-plane drift of a sheared (gantry-tilted) stack.
    if (const Vec3 drift = inPlaneDriftPerSlice(ds, v->m_sliceOfFrame); drift.length() > 0.0) {
        const Vec3 step = ds.normal * ds.sliceSpacing + drift;
        v->m_spacing[2] = step.length();
        v->m_sliceDirection = step * (1.0 / v->m_spacing[2]);
    }
    v->m_data.reset(new (std::nothrow) std::byte[v->byteCount()]);
    if (!v->m_data)
        return fail(ErrorCode::UnsupportedPixelFormat,
                    QStringLiteral("cannot allocate %1 bytes").arg(v->byteCount()));
    // Every slice, not only the gaps: a slice still to arrive must not show the allocator's
    // garbage to readers that do not check isLoaded() (the 3D ray casters read the whole
    // buffer). The pages are committed now rather than on arrival; a complete volume needs
    // them all anyway.
    fillLowest({v->m_data.get(), v->byteCount()}, v->m_type);
    v->m_loaded.reset(new std::atomic<bool>[static_cast<std::size_t>(v->slices())]);
    for (int k = 0; k < v->slices(); ++k)
        v->m_loaded[static_cast<std::size_t>(k)].store(false, std::memory_order_relaxed);
    return v;
}

Vec3 Volume::patientPosition(double i, double j, double k) const
{
    return m_origin + m_rowDirection * (i * m_spacing[0]) + m_columnDirection * (j * m_spacing[1]) +
           m_sliceDirection * (k * m_spacing[2]);
}

std::size_t Volume::sliceBytes() const
{
    return static_cast<std::size_t>(m_dims[0]) * static_cast<std::size_t>(m_dims[1]) *
           static_cast<std::size_t>(bytesPerVoxel());
}

std::span<std::byte> Volume::slice(int k)
{
    return {m_data.get() + sliceBytes() * static_cast<std::size_t>(k), sliceBytes()};
}

std::span<const std::byte> Volume::slice(int k) const
{
    return {m_data.get() + sliceBytes() * static_cast<std::size_t>(k), sliceBytes()};
}

void Volume::markLoaded(int k)
{
    if (!m_loaded[static_cast<std::size_t>(k)].exchange(true, std::memory_order_acq_rel))
        m_loadedCount.fetch_add(1, std::memory_order_acq_rel);
}

bool Volume::isLoaded(int k) const
{
    return m_loaded[static_cast<std::size_t>(k)].load(std::memory_order_acquire);
}

double Volume::storedValue(int i, int j, int k) const
{
    const std::size_t index = (static_cast<std::size_t>(k) * static_cast<std::size_t>(m_dims[1]) +
                               static_cast<std::size_t>(j)) *
                                  static_cast<std::size_t>(m_dims[0]) +
                              static_cast<std::size_t>(i);
    const std::byte* p = m_data.get() + index * static_cast<std::size_t>(bytesPerVoxel());
    switch (m_type) {
    case ScalarType::UInt8:
        return static_cast<double>(std::to_integer<quint8>(*p));
    case ScalarType::Int8:
        return static_cast<double>(static_cast<qint8>(std::to_integer<quint8>(*p)));
    case ScalarType::UInt16: {
        quint16 v;
        std::memcpy(&v, p, 2);
        return v;
    }
    case ScalarType::Int16: {
        qint16 v;
        std::memcpy(&v, p, 2);
        return v;
    }
    }
    return 0.0;
}

} // namespace fenestra::viewer
