fn main() {
    et_explorer::run();
}
