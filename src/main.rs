fn main() {
    interview_practice::start();
}
