from marsad.cli import main  # absolute: this file is also what spark-submit runs

main()
