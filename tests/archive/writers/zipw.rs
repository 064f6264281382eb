// zip crate writer: args OUT SRC MODE (file|stream|append); packs every file under SRC (sorted), dirs too.
use std::io::Write;
use zip::write::SimpleFileOptions;
use zip::CompressionMethod;

fn walk(root: &std::path::Path, dir: &std::path::Path, out: &mut Vec<(String, bool)>) {
    let mut items: Vec<_> = std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().path()).collect();
    items.sort();
    for p in items {
        let rel = p.strip_prefix(root).unwrap().to_string_lossy().replace('\\', "/");
        if p.is_dir() {
            out.push((rel + "/", true));
            walk(root, &p, out);
        } else {
            out.push((rel, false));
        }
    }
}

fn pack<W: Write + std::io::Seek>(z: &mut zip::ZipWriter<W>, root: &std::path::Path, items: &[(String, bool)]) {
    for (name, is_dir) in items {
        let opts = SimpleFileOptions::default().compression_method(CompressionMethod::Deflated).unix_permissions(0o644);
        if *is_dir {
            z.add_directory(name.as_str(), opts).unwrap();
        } else {
            z.start_file(name.as_str(), opts).unwrap();
            z.write_all(&std::fs::read(root.join(name)).unwrap()).unwrap();
        }
    }
}

fn main() {
    let a: Vec<String> = std::env::args().collect();
    let root = std::path::Path::new(&a[2]);
    let mut items = Vec::new();
    walk(root, root, &mut items);
    match a[3].as_str() {
        "file" => {
            let mut z = zip::ZipWriter::new(std::fs::File::create(&a[1]).unwrap());
            pack(&mut z, root, &items);
            z.finish().unwrap();
        }
        "append" => {
            // the first half written, closed, then opened again and the rest appended
            let half = items.len() / 2;
            let mut z = zip::ZipWriter::new(std::fs::File::create(&a[1]).unwrap());
            pack(&mut z, root, &items[..half]);
            z.finish().unwrap();
            let f = std::fs::OpenOptions::new().read(true).write(true).open(&a[1]).unwrap();
            let mut z = zip::ZipWriter::new_append(f).unwrap();
            pack(&mut z, root, &items[half..]);
            z.finish().unwrap();
        }
        _ => {
            let mut z = zip::ZipWriter::new_stream(std::io::stdout().lock());
            for (name, is_dir) in &items {
                let opts = SimpleFileOptions::default().compression_method(CompressionMethod::Deflated);
                if *is_dir {
                    z.add_directory(name.as_str(), opts).unwrap();
                } else {
                    z.start_file(name.as_str(), opts).unwrap();
                    z.write_all(&std::fs::read(root.join(name)).unwrap()).unwrap();
                }
            }
            z.finish().unwrap();
        }
    }
}
